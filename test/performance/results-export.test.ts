import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { runAssessment } from '../../src/modules/performance/index.js';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeCommittee, makeUser } from '../support/factories.js';
import { callerFor, perfWorld, verified, type PerfWorld } from './support.js';

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('考核结果 as .xlsx: every member, points per kind, lists; staff and leaders only', () => {
  let app: FastifyInstance;
  let w: PerfWorld;
  let staff: Session;
  let leader: Session;
  let member: Session;
  let assessmentId: string;
  let foreignId: string;

  beforeAll(async () => {
    app = await testApp();
    w = await perfWorld();
    const login = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(w.db, w.committeeId, grants)).username);
    staff = await login([{ role: 'staff', office: 'member_affairs' }]);
    leader = await login([{ role: 'leader' }]);
    member = await login([{ role: 'member', memberId: w.members[1] }]);
    await verified(w, 1, { occurredOn: TODAY, title: '民营经济发展环境调研' });
    await verified(w, 1, { occurredOn: TODAY, kind: 'inspection', title: '重点项目建设视察' });
    await verified(w, 0, { occurredOn: TODAY, kind: 'service', title: '助学公益活动', metrics: { studentsFunded: 5 } });
    assessmentId = (await staff.request({ method: 'POST', url: '/api/performance/assessments', payload: { year: YEAR } })).json().id;
    const other = await makeCommittee(w.db);
    const { createMember } = await import('../../src/modules/org/index.js');
    await createMember(w.db, { userId: null, label: 'test' }, other.id, { name: '外会委员', gender: 'female' } as never);
    foreignId = (await runAssessment(w.db, callerFor(other.id, [{ role: 'staff', office: 'member_affairs' }]), { year: YEAR })).id;
  });
  afterAll(() => app?.close());

  const url = (id: string) => `/api/performance/assessments/${id}/results.xlsx`;

  it('staff download the workbook: one row per member in rank order, a column per kind scored, grades, shortfalls, lists, allowance', async () => {
    const res = await staff.request({ method: 'GET', url: url(assessmentId) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`assessment-${YEAR}-r1.xlsx`);
    const a = (await staff.request({ method: 'GET', url: `/api/performance/assessments/${assessmentId}` })).json();
    const wb = await workbook(res.rawPayload);
    const ws = wb.getWorksheet('考核结果')!;
    const header = rowValues(ws, 1);
    expect(header.slice(0, 4)).toEqual(['名次', '姓名', '界别', '职务']);
    expect(header).toEqual(expect.arrayContaining(['调研', '视察', '公益服务', '总积分', '档次', '界别名次', '指标缺项', '通报表扬', '提醒谈话', '履职补贴（元）']));
    expect(header).not.toContain('大会发言'); // nobody has one
    expect(ws.rowCount).toBe(1 + 6);
    const col = (name: string) => header.indexOf(name);
    const rows = Array.from({ length: 6 }, (_, i) => rowValues(ws, i + 2));
    expect(rows.map((r) => r[col('姓名')])).toEqual(a.results.map((r: { name: string }) => r.name));
    const li = rows.find((r) => r[col('姓名')] === '李华')!;
    const liResult = a.results.find((r: { name: string }) => r.name === '李华');
    expect(li[col('总积分')]).toBe(liResult.points);
    expect(li[col('调研')]).toBe(liResult.byKind.find((k: { kind: string }) => k.kind === 'research').points);
    expect(li[col('界别')]).toBe('经济界');
    expect(li[col('档次')]).toBe(liResult.gradeLabel);
    expect(li[col('履职补贴（元）')]).toBe(liResult.allowanceYuan);
    expect(String(li[col('指标缺项')])).toContain('四个一');
    const wang = rows.find((r) => r[col('姓名')] === '王芳')!;
    expect(wang[col('职务')]).toBe('常委');
    // Everyone is below 60 points here: all on the warning list.
    expect(rows.every((r) => r[col('提醒谈话')] === '是')).toBe(true);
    const sum = wb.getWorksheet('汇总')!;
    const pairs = Object.fromEntries(Array.from({ length: sum.rowCount - 1 }, (_, i) => rowValues(sum, i + 2)).map(([k, v]) => [k, v]));
    expect(pairs).toMatchObject({ 年度: YEAR, 参评委员: 6, 提醒谈话: 6 });
    expect(String(pairs['版本'])).toContain('草稿');
  });

  it('leaders may download it; members may not (403); another committee\'s run is 404', async () => {
    expect((await leader.request({ method: 'GET', url: url(assessmentId) })).statusCode).toBe(200);
    const m = await member.request({ method: 'GET', url: url(assessmentId) });
    expect([m.statusCode, m.json().error.code]).toEqual([403, 'auth.forbidden']);
    const f = await staff.request({ method: 'GET', url: url(foreignId) });
    expect([f.statusCode, f.json().error.code]).toEqual([404, 'performance.assessment_not_found']);
  });
});
