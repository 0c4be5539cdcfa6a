import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { createMember } from '../../src/modules/org/index.js';
import { chartSvg } from '../../src/platform/exports/chart-svg.js';
import { pointsByKindChart } from '../../src/modules/performance/outputs/report-card-text.js';
import type { ReportCard } from '../../src/modules/performance/outputs/report-card.js';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeCommittee, makeUser } from '../support/factories.js';
import { perfWorld, verified, type PerfWorld } from './support.js';

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('履职成绩单: the report card as data, Word and PDF — own card for members, anyone for staff', () => {
  let app: FastifyInstance;
  let w: PerfWorld;
  let staff: Session;
  let member: Session;
  let leader: Session;
  let clerk: Session;
  let foreignMember: string;

  beforeAll(async () => {
    app = await testApp();
    w = await perfWorld();
    const login = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(w.db, w.committeeId, grants)).username);
    staff = await login([{ role: 'staff', office: 'member_affairs' }]);
    member = await login([{ role: 'member', memberId: w.members[1] }]);
    leader = await login([{ role: 'leader' }]);
    clerk = await login([{ role: 'unit_clerk' }]);
    // 李华 (econ): two research trips and an inspection; 赵强 (econ): one research trip; 张明 (edu): one.
    await verified(w, 1, { occurredOn: TODAY, title: '民营经济发展环境调研' });
    await verified(w, 1, { occurredOn: TODAY, title: '营商环境专题调研' });
    await verified(w, 1, { occurredOn: TODAY, kind: 'inspection', title: '重点项目建设视察' });
    await verified(w, 3, { occurredOn: TODAY, title: '物流园区调研' });
    await verified(w, 0, { occurredOn: TODAY, title: '职业教育调研' });
    const other = await makeCommittee(w.db);
    foreignMember = (await createMember(w.db, { userId: null, label: 'test' }, other.id, { name: '外会委员', gender: 'male' } as never)).id;
  });
  afterAll(() => app?.close());

  const url = (memberId: string, ext = '') => `/api/performance/members/${memberId}/report-card${ext}?year=${YEAR}`;

  it('a member sees their own live card: points, grade, ranks in the committee and the sector, points by kind, quotas', async () => {
    const res = await member.request({ method: 'GET', url: url(w.members[1]) });
    expect(res.statusCode).toBe(200);
    const card = res.json() as ReportCard;
    expect(card).toMatchObject({
      year: YEAR, basis: 'live', revision: null, outcome: null,
      member: { name: '李华', sectorName: '经济界', role: 'member', roleLabel: '委员' },
      rank: { committee: 1, committeeSize: 6, sector: 1, sectorSize: 3 },
    });
    expect(card.committee.name).toMatch(/^测试政协/);
    expect(card.byKind.map((k) => [k.kind, k.count])).toEqual(expect.arrayContaining([['research', 2], ['inspection', 1]]));
    expect(card.total).toBe(card.byKind.reduce((s, k) => s + k.points, 0));
    expect(card.quotas[0]).toMatchObject({ key: 'four_ones' });
    // 赵强, same sector, one research trip: second in the sector.
    const zhao = (await staff.request({ method: 'GET', url: url(w.members[3]) })).json() as ReportCard;
    expect(zhao.rank.sector).toBe(2);
    expect(zhao.rank.committee).toBeGreaterThan(1);
  });

  it('another member\'s card is refused (403); a unit clerk too; staff and leaders see anyone\'s; another committee\'s member is 404', async () => {
    const other = await member.request({ method: 'GET', url: url(w.members[0]) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('performance.report_card_not_own');
    for (const ext of ['.docx', '.pdf']) expect((await member.request({ method: 'GET', url: url(w.members[0], ext) })).statusCode).toBe(403);
    expect((await clerk.request({ method: 'GET', url: url(w.members[1]) })).statusCode).toBe(403);
    expect((await staff.request({ method: 'GET', url: url(w.members[0]) })).json().member.name).toBe('张明');
    expect((await leader.request({ method: 'GET', url: url(w.members[0], '.pdf') })).statusCode).toBe(200);
    for (const ext of ['', '.docx', '.pdf']) {
      const res = await staff.request({ method: 'GET', url: url(foreignMember, ext) });
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'performance.member_not_found']);
    }
    expect((await member.request({ method: 'GET', url: `/api/performance/members/${w.members[1]}/report-card?year=20x5` })).statusCode).toBe(400);
  });

  it('.docx: a Word file with the member, the breakdown table and a native chart of points by kind', async () => {
    const res = await member.request({ method: 'GET', url: url(w.members[1], '.docx') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('李华'));
    const zip = await JSZip.loadAsync(res.rawPayload);
    const doc = await zip.file('word/document.xml')!.async('string');
    for (const text of ['李华', '经济界', `${YEAR} 年度委员履职成绩单`, '调研', '视察', '全委排名第 1 名（共 6 人）']) expect(doc).toContain(text);
    const chart = Object.keys(zip.files).find((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(chart).toBeDefined();
    const xml = await zip.file(chart!)!.async('string');
    expect(xml).toContain('调研');
    expect(xml).toContain('视察');
  });

  it('.pdf: a PDF with the CJK font embedded and the chart drawn from SVG', async () => {
    const res = await member.request({ method: 'GET', url: url(w.members[1], '.pdf') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('the chart of points by kind as SVG names the kinds, in the CJK font', async () => {
    const card = (await member.request({ method: 'GET', url: url(w.members[1]) })).json() as ReportCard;
    const svg = chartSvg(pointsByKindChart(card), { width: 480, height: 200 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="480"');
    expect(svg).toContain('>调研<');
    expect(svg).toContain('>视察<');
    expect(svg).toContain('font-family:NotoSansSC');
  });

  it('after publication the card shows the published result, its ranks and decisions, even when records change later', async () => {
    const run = (await staff.request({ method: 'POST', url: '/api/performance/assessments', payload: { year: YEAR } })).json();
    await staff.request({ method: 'POST', url: `/api/performance/assessments/${run.id}/publish` });
    const published = run.results.find((r: { memberId: string }) => r.memberId === w.members[1]);
    // A record verified after publication changes the live standing, not the published card.
    await verified(w, 1, { occurredOn: TODAY, title: '补充调研' });
    const card = (await member.request({ method: 'GET', url: url(w.members[1]) })).json() as ReportCard;
    expect(card).toMatchObject({
      basis: 'published', revision: 1, total: published.points, grade: { key: published.grade },
      rank: { committee: published.rank, committeeSize: 6, sector: published.sectorRank, sectorSize: 3 },
      outcome: { allowanceYuan: published.allowanceYuan, commended: published.commended, warned: published.warned },
    });
    expect(card.byKind.find((k) => k.kind === 'research')?.count).toBe(2);
    expect(card.total).toBe(card.byKind.reduce((s, k) => s + k.points, 0) - card.deductions.reduce((s, d) => s + d.points, 0));
    const live = (await member.request({ method: 'GET', url: '/api/performance/standing' })).json();
    expect(live.total).toBeGreaterThan(card.total);
    const doc = await (await JSZip.loadAsync((await member.request({ method: 'GET', url: url(w.members[1], '.docx') })).rawPayload)).file('word/document.xml')!.async('string');
    expect(doc).toContain('依据');
    expect(doc).toContain('考核结论');
  });
});
