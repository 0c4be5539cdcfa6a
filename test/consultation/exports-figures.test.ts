import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_FORMS } from '../../src/modules/consultation/index.js';
import { testApp } from '../support/app.js';
import { consultWorld, draftPlan, issuedPlan, ITEMS, move } from './support.js';

describe('consultation: settings, exports and the plan figure', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('forms are configurable per committee by the office; items must use a configured form', async () => {
    const w = await consultWorld(app);
    expect((await w.member.request({ method: 'GET', url: '/api/consultation/settings' })).json().forms).toEqual([...DEFAULT_FORMS]);
    expect((await w.member.request({ method: 'PATCH', url: '/api/consultation/settings', payload: { forms: ['专题协商会'] } })).statusCode).toBe(403);
    const dup = await w.office.request({ method: 'PATCH', url: '/api/consultation/settings', payload: { forms: ['专题协商会', '专题协商会'] } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.code).toBe('request.invalid');
    const changed = await w.office.request({ method: 'PATCH', url: '/api/consultation/settings', payload: { forms: ['专题协商会', '双月协商座谈会', '委员读书议政'] } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().forms).toEqual(['专题协商会', '双月协商座谈会', '委员读书议政']);
    const planId = await draftPlan(w.office, 2026, []);
    expect((await w.office.request({ method: 'POST', url: `/api/consultation/plans/${planId}/items`, payload: { ...ITEMS[0], form: '委员读书议政' } })).statusCode).toBe(201);
    expect((await w.office.request({ method: 'POST', url: `/api/consultation/plans/${planId}/items`, payload: { ...ITEMS[0], form: '对口协商' } })).statusCode).toBe(400);
    // Another committee keeps the defaults.
    const other = await consultWorld(app);
    expect((await other.office.request({ method: 'GET', url: '/api/consultation/settings' })).json().forms).toEqual([...DEFAULT_FORMS]);
  });

  it('.docx: the title, the decision line, one heading per form with the items, month and lead; .xlsx opens with the rows', async () => {
    const w = await consultWorld(app);
    const id = await issuedPlan(w.office);
    const docx = await w.leader.request({ method: 'GET', url: `/api/consultation/plans/${id}/docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const title = `测试${w.committee.code}2026年度协商计划`;
    expect(String(docx.headers['content-disposition'])).toContain(encodeURIComponent(`${title}.docx`));
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain(title);
    expect(text).toContain('2026年1月20日党委常委会会议确定　定市委办发〔2026〕3号');
    // Forms in the committee's order: 常委会议专题议政 comes before 专题协商会 and 双月协商座谈会.
    const heads = text.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    expect(heads).toEqual(['一、常委会议专题议政', '二、专题协商会', '三、双月协商座谈会']);
    expect(text).toContain('1．和美乡村建设（8月；牵头：农业和农村委员会）〔监督性议题〕');
    expect(text).toContain('1．促进民营经济高质量发展（5月；牵头：经济委员会；参加领导：王副主席；参与单位：市发展改革委、市工商联）');

    const xlsx = await w.office.request({ method: 'GET', url: `/api/consultation/plans/${id}/xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('协商计划')!;
    expect(String(ws.getCell('A1').value)).toContain(title);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '协商形式', '协商议题', '计划时间', '牵头单位', '参加领导', '参与单位', '监督性议题']);
    const rows = [3, 4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1, 5));
    expect(rows).toEqual([[1, '常委会议专题议政', '和美乡村建设', '8月'], [2, '专题协商会', '促进民营经济高质量发展', '5月'], [3, '双月协商座谈会', '金融服务保障强工业行动', '4月']]);
    expect(ws.getCell('H3').value).toBe('是');

    // Members do not export; another committee's plan is a 404.
    expect((await w.member.request({ method: 'GET', url: `/api/consultation/plans/${id}/docx` })).statusCode).toBe(403);
    const other = await consultWorld(app);
    expect((await other.office.request({ method: 'GET', url: `/api/consultation/plans/${id}/xlsx` })).statusCode).toBe(404);
  });

  it('the plan-items figure counts the version in force by form and state, for the committee or its tree', async () => {
    const city = await consultWorld(app);
    const county = await consultWorld(app, { parentCode: city.committee.code, level: 'county' });
    const v1 = await issuedPlan(city.office);
    // An adjustment in progress does not count twice: the issued version is the one in force.
    await move(city.office, v1, 'adjust', { reason: '增加一项' });
    await draftPlan(county.office, 2026, [ITEMS[0]]);

    const self = await city.leader.request({ method: 'GET', url: '/api/figures/consultation/plan-items?year=2026' });
    expect(self.statusCode).toBe(200);
    expect(self.json()).toMatchObject({ year: 2026, scope: 'self', committees: 1, plansByState: { issued: 1 }, totals: { items: 3, supervisory: 1 } });
    const tree = (await city.office.request({ method: 'GET', url: '/api/figures/consultation/plan-items?year=2026&scope=tree' })).json();
    expect(tree).toMatchObject({ scope: 'tree', committees: 2, plansByState: { issued: 1, draft: 1 }, totals: { items: 4, supervisory: 1 } });
    expect(tree.byForm.find((f: { form: string }) => f.form === '专题协商会')).toEqual({ form: '专题协商会', items: 2, supervisory: 0, byState: { issued: 1, draft: 1 } });
    // The county sees nothing of its city; members do not read figures.
    expect((await county.office.request({ method: 'GET', url: '/api/figures/consultation/plan-items?year=2026&scope=tree' })).json()).toMatchObject({ committees: 1, totals: { items: 1 } });
    expect((await city.member.request({ method: 'GET', url: '/api/figures/consultation/plan-items?year=2026' })).statusCode).toBe(403);
    expect((await city.office.request({ method: 'GET', url: '/api/figures/consultation/plan-items?year=abc' })).statusCode).toBe(400);
  });
});
