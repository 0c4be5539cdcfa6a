import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  appointOfficer, archiveItem, forwardIssue, recordResult, releaseIssue, returnItem, signIssue, submitItem, updateInfoSettings,
} from '../../src/modules/social-info/index.js';
import { authorLine } from '../../src/modules/social-info/exports/issue-docx.js';
import { testApp, loginAs } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, TITLE, editing, infoWorld, issueWith, submitted, type World } from './support.js';

const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));

async function docXml(body: Buffer, part = 'word/document.xml') {
  const zip = await JSZip.loadAsync(body);
  return zip.file(part)!.async('string');
}
/** The visible text of the document (runs joined), to assert on words split over runs. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Two released issues, forwards, an adoption and instructions of both levels in the current year. */
async function busyYear(w: World) {
  const a = await editing(w, 0, { memberIds: [w.members[1]] });
  const b = await editing(w, 2, { title: '关于加强马铃薯种薯繁育体系建设的建议', body: '定西马铃薯种薯繁育能力不足，脱毒种薯覆盖率不高。建议扩大原种繁育基地，完善三级繁育体系。' });
  const c = await editing(w, 0, { title: '关于中药材产地初加工标准化的建议', body: '中药材产地初加工环节多为农户分散作业，质量参差不齐，建议建设标准化初加工中心。' });
  const i1 = await issueWith(w, [a, b], { year });
  await signIssue(w.db, w.leader, i1);
  await releaseIssue(w.db, w.editor, i1);
  const i2 = await issueWith(w, [c], { year });
  await signIssue(w.db, w.leader, i2);
  await releaseIssue(w.db, w.editor, i2);
  const on = `${year}-01-15`;
  await forwardIssue(w.db, w.editor, i1, { destinations: ['省政协', '市委'], forwardedOn: on });
  await forwardIssue(w.db, w.editor, i2, { destinations: ['市委'], forwardedOn: on });
  await recordResult(w.db, w.editor, a, { kind: 'adoption', destination: '省政协', publication: '甘肃政协信息', onDate: on });
  await recordResult(w.db, w.editor, a, { kind: 'instruction', destination: '省政协', leader: '李副省长', level: 'provincial', onDate: on, text: '请省农业农村厅研究。' });
  await recordResult(w.db, w.editor, b, { kind: 'instruction', destination: '市委', leader: '王书记', level: 'city', onDate: on, text: '请市农业农村局落实。' });
  const r = await submitted(w, 3);
  await returnItem(w.db, w.editor, r, { reason: '请补充数据' });
  const x = await submitted(w, 3);
  await archiveItem(w.db, w.editor, x, { reason: '已有同类信息' });
  await submitItem(w.db, w.editor, { title: TITLE, body: BODY, sourceKind: 'organisation', sourceName: '民盟市委会', urgent: true });
  return { a, b, c, i1, i2 };
}

describe('social information: the issue as Word, figures and workbooks', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('the author line names sector and members, or the submitting body', () => {
    const authors = new Map([['m1', { name: '张三', sector: '农业界' }], ['m2', { name: '李四', sector: '农业界' }], ['m3', { name: '王五', sector: '教育界' }], ['m4', { name: '赵六', sector: null }]]);
    expect(authorLine({ memberIds: ['m1'], sourceKind: 'member', sourceName: null }, authors)).toBe('（农业界委员 张三 提供）');
    expect(authorLine({ memberIds: ['m1', 'm3', 'm2'], sourceKind: 'officer', sourceName: null }, authors)).toBe('（农业界委员 张三、李四，教育界委员 王五 提供）');
    expect(authorLine({ memberIds: ['m4'], sourceKind: 'member', sourceName: null }, authors)).toBe('（委员 赵六 提供）');
    expect(authorLine({ memberIds: [], sourceKind: 'organisation', sourceName: '民盟定西市委会' }, authors)).toBe('（民盟定西市委会 提供）');
  });

  it('GET /issues/:id/docx: masthead, 第N期, office, items with author lines, 报/送 from the settings; office only; another committee 404', async () => {
    const w = await infoWorld();
    const { i1 } = await busyYear(w);
    await updateInfoSettings(w.db, w.editor, { issuingOffice: '政协定西市委员会办公室', reportTo: ['省政协办公厅', '市委', '市政府'], sendTo: ['市政协各位领导', '各县区政协'] });

    const office = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'info' }])).username);
    const res = await office.request({ method: 'GET', url: `/api/social-info/issues/${i1}/docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent(`社情民意${year}年第1期.docx`));
    const xml = await docXml(res.rawPayload);
    const text = textOf(xml);
    expect(text).toContain('社情民意');
    expect(text).toContain(`${year}年　第1期`);
    expect(text).toContain('政协定西市委员会办公室');
    expect(text).toContain(TITLE);
    expect(text).toContain('关于加强马铃薯种薯繁育体系建设的建议');
    expect(text).toContain('（委员 张明、李华 提供）');
    expect(text).toContain('（委员 王芳 提供）');
    expect(text).toMatch(/报：省政协办公厅，市委，市政府/);
    expect(text).toMatch(/送：市政协各位领导，各县区政协/);
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日印发/);
    expect(xml).toContain('w:color w:val="E60012"'); // the red masthead
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    const fonts = await docXml(res.rawPayload, 'word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);

    // A periodical of its own distribution overrides the committee's.
    await updateInfoSettings(w.db, w.editor, { periodicalDistribution: { [w.periodicalId]: { reportTo: ['市委书记'], sendTo: [] } } });
    const special = textOf(await docXml((await office.request({ method: 'GET', url: `/api/social-info/issues/${i1}/docx` })).rawPayload));
    expect(special).toContain('报：市委书记');
    expect(special).not.toContain('送：');

    const member = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }])).username);
    expect((await member.request({ method: 'GET', url: `/api/social-info/issues/${i1}/docx` })).statusCode).toBe(403);
    const other = await infoWorld();
    const stranger = await loginAs(app, (await makeUser(other.db, other.committeeId, [{ role: 'staff', office: 'info' }])).username);
    const foreign = await stranger.request({ method: 'GET', url: `/api/social-info/issues/${i1}/docx` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('social_info.issue_not_found');
  });

  it('GET /figures counts the year: received, published, issues, per destination, per level, authors, officers, months', async () => {
    const w = await infoWorld();
    await appointOfficer(w.db, w.editor, { year, memberId: w.members[3], monthlyQuota: 2 });
    await busyYear(w);
    const leader = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'leader' }])).username);
    const res = await leader.request({ method: 'GET', url: `/api/social-info/figures?year=${year}` });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.totals).toEqual({ received: 6, urgent: 1, published: 3, issuesReleased: 2, forwarded: 3, adopted: 1, instructed: 2, returned: 1, archived: 1, merged: 0 });
    expect(f.issues).toEqual([{ periodicalId: w.periodicalId, periodicalName: '社情民意', released: 2, items: 3 }]);
    expect(f.destinations).toEqual([
      { destination: '市委', forwarded: 3, adopted: 0, instructed: 1 },
      { destination: '省政协', forwarded: 2, adopted: 1, instructed: 1 },
    ]);
    expect(f.instructionLevels).toEqual([{ level: 'provincial', label: '省级领导', items: 1 }, { level: 'city', label: '市级领导', items: 1 }]);
    const zhang = f.authors.find((x: { name: string }) => x.name === '张明');
    expect(zhang).toMatchObject({ submitted: 2, published: 2, adopted: 1, instructed: 1 });
    expect(f.authors[0].name).toBe('张明'); // most instructions and adoptions first
    expect(f.sectors).toEqual([{ sector: '未分界别', submitted: 6, published: 4, adopted: 2, instructed: 3 }]);
    expect(f.officers).toHaveLength(1);
    expect(f.officers[0]).toMatchObject({ name: '赵强', monthlyQuota: 2, total: 2 });
    const month = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric' }));
    expect(f.monthly).toHaveLength(12);
    expect(f.monthly[month - 1]).toEqual({ month, received: 6, published: 3 });
    expect(f.byState.find((s: { state: string }) => s.state === 'published').count).toBe(3);

    // Another year is empty; a member and an officer are refused; another committee sees only its own.
    expect((await leader.request({ method: 'GET', url: `/api/social-info/figures?year=${year - 1}` })).json().totals.received).toBe(0);
    const officer = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[3] }])).username);
    for (const url of ['/api/social-info/figures', '/api/social-info/figures.xlsx', '/api/social-info/authors.xlsx', '/api/social-info/items.xlsx']) {
      expect((await officer.request({ method: 'GET', url })).statusCode).toBe(403);
    }
    const other = await infoWorld();
    const stranger = await loginAs(app, (await makeUser(other.db, other.committeeId, [{ role: 'staff', office: 'info' }])).username);
    expect((await stranger.request({ method: 'GET', url: `/api/social-info/figures?year=${year}` })).json().totals.received).toBe(0);
    expect((await stranger.request({ method: 'GET', url: '/api/social-info/figures?year=19' })).statusCode).toBe(400);
  });

  it('figures.xlsx, authors.xlsx and items.xlsx hold the figures, the authors and the filtered list', async () => {
    const w = await infoWorld();
    await appointOfficer(w.db, w.editor, { year, memberId: w.members[3] });
    await busyYear(w);
    const office = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'general' }])).username);

    const figures = await office.request({ method: 'GET', url: `/api/social-info/figures.xlsx?year=${year}` });
    expect(figures.statusCode).toBe(200);
    const fw = await workbook(figures.rawPayload);
    expect(fw.worksheets.map((s) => s.name)).toEqual(['汇总', '按报送单位', '按作者', '按界别', '按信息员']);
    const summary = fw.getWorksheet('汇总')!;
    const cell = (label: string) => (summary.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as unknown[] | undefined)?.[2];
    expect(cell('收到信息（条）')).toBe(6);
    expect(cell('编发期数')).toBe(2);
    expect(cell('　其中省级领导批示')).toBe(1);
    expect(fw.getWorksheet('按报送单位')!.getRow(2).values).toEqual([, '市委', 3, 0, 1]);
    expect(fw.getWorksheet('按信息员')!.getRow(2).getCell(1).value).toBe('赵强');

    const authors = await office.request({ method: 'GET', url: `/api/social-info/authors.xlsx?year=${year}` });
    const aw = await workbook(authors.rawPayload);
    const sheet = aw.worksheets[0];
    expect(sheet.name).toBe(`${year}年度作者名单`);
    expect(sheet.getRow(1).values).toEqual([, '序号', '作者', '界别', '报送', '刊发', '采用', '获批示']);
    const zhang = sheet.getRow(2);
    expect([1, 2, 4, 5, 6, 7].map((n) => zhang.getCell(n).value)).toEqual([1, '张明', 2, 2, 1, 1]);
    expect(sheet.rowCount).toBe(5); // header + 张明, 李华, 王芳, 赵强

    const list = await office.request({ method: 'GET', url: '/api/social-info/items.xlsx?state=published&q=马铃薯' });
    expect(list.statusCode).toBe(200);
    const lw = await workbook(list.rawPayload);
    const rows = lw.worksheets[0];
    expect(rows.rowCount).toBe(2);
    expect(rows.getRow(2).getCell(2).value).toBe('关于加强马铃薯种薯繁育体系建设的建议');
    expect(rows.getRow(2).getCell(9).value).toBe(`社情民意 ${year}年第1期`);
    expect(rows.getRow(2).getCell(12).value).toMatch(/^王书记（市级，\d{4}-\d{2}-\d{2}）$/);
    const all = await workbook((await office.request({ method: 'GET', url: `/api/social-info/items.xlsx?year=${year}` })).rawPayload);
    expect(all.worksheets[0].rowCount).toBe(7);
    expect((await office.request({ method: 'GET', url: '/api/social-info/items.xlsx?state=published&page=2' })).statusCode).toBe(200);
  });
});
