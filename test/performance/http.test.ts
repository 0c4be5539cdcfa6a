import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { perfWorld, type PerfWorld } from './support.js';

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('performance over HTTP: check-in, standing, self-report and verification, the committee table, rules, assessment', () => {
  let app: FastifyInstance;
  let w: PerfWorld;
  let staff: Session;
  let member: Session;
  let standingMember: Session;
  let staffMember: Session;
  let proposalsOffice: Session;

  beforeAll(async () => {
    app = await testApp();
    w = await perfWorld();
    const login = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(w.db, w.committeeId, grants)).username);
    staff = await login([{ role: 'staff', office: 'member_affairs' }]);
    member = await login([{ role: 'member', memberId: w.members[1] }]);
    standingMember = await login([{ role: 'member', memberId: w.members[2] }]);
    staffMember = await login([{ role: 'staff', office: 'member_affairs' }, { role: 'member', memberId: w.members[0] }]);
    proposalsOffice = await login([{ role: 'staff', office: 'proposals' }]);
  });
  afterAll(() => app?.close());

  it('a member checks in with the code on the phone and sees the points appear', async () => {
    const created = await staff.request({ method: 'POST', url: '/api/performance/activities', payload: { type: 'thematic_consultation', title: '“有事好商量”专题协商会', startsAt: new Date().toISOString(), inviteeIds: [w.members[1], w.members[2]] } });
    expect(created.statusCode).toBe(201);
    const activity = created.json();
    expect(activity.checkInCode).toMatch(/^\d{6}$/);
    const seen = await member.request({ method: 'GET', url: `/api/performance/activities/${activity.id}` });
    expect(seen.json()).toMatchObject({ checkInCode: null, mine: { status: 'invited' }, abilities: { checkIn: true } });
    const wrong = await member.request({ method: 'POST', url: `/api/performance/activities/${activity.id}/check-in`, payload: { code: 'abc' } });
    expect(wrong.statusCode).toBe(400);
    const ok = await member.request({ method: 'POST', url: `/api/performance/activities/${activity.id}/check-in`, payload: { code: activity.checkInCode } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mine.status).toBe('attended');
    const standing = (await member.request({ method: 'GET', url: '/api/performance/standing' })).json();
    expect(standing).toMatchObject({ year: YEAR, total: 3, member: { name: '李华', primaryRole: 'member' } });
    expect(standing.byKind).toEqual([expect.objectContaining({ kind: 'consultation', points: 3 })]);
    expect(standing.quotas[0]).toMatchObject({ key: 'four_ones', met: false });
  });

  it('a member self-reports with evidence; a staff member who is the member may not verify it; staff verify', async () => {
    const res = await staffMember.request({ method: 'POST', url: '/api/performance/records', payload: { kind: 'research', occurredOn: TODAY, title: '职业教育发展调研', evidence: [{ name: '调研照片.jpg' }] } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json().abilities).toMatchObject({ verify: false, withdraw: true });
    const self = await staffMember.request({ method: 'POST', url: `/api/performance/records/${id}/verify` });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('performance.cannot_verify_own');
    const byMember = await member.request({ method: 'POST', url: `/api/performance/records/${id}/verify` });
    expect(byMember.statusCode).toBe(403);
    const queue = (await staff.request({ method: 'GET', url: '/api/performance/records?status=submitted' })).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const ok = await staff.request({ method: 'POST', url: `/api/performance/records/${id}/verify` });
    expect(ok.json()).toMatchObject({ status: 'verified', statusLabel: '已核实' });
    const mine = (await staffMember.request({ method: 'GET', url: '/api/performance/standing' })).json();
    expect(mine.total).toBe(3);
  });

  it('the committee table: ranked by points, filtered by sector and role; staff only', async () => {
    const all = (await staff.request({ method: 'GET', url: '/api/performance/standings' })).json();
    expect(all.items.map((i: { name: string; points: number; rank: number }) => [i.name, i.points, i.rank])).toEqual([
      ['李华', 3, 1], ['张明', 3, 1], ['陈静', 0, 3], ['刘洋', 0, 3], ['王芳', 0, 3], ['赵强', 0, 3],
    ]);
    const edu = (await staff.request({ method: 'GET', url: `/api/performance/standings?sectorId=${w.sectors.edu}&sort=name` })).json();
    expect(edu.items.map((i: { name: string; rank: number }) => [i.name, i.rank])).toEqual([['刘洋', 3], ['王芳', 3], ['张明', 1]]);
    const standing = (await proposalsOffice.request({ method: 'GET', url: '/api/performance/standings?role=standing' })).json();
    expect(standing.items.map((i: { name: string }) => i.name)).toEqual(['王芳']);
    expect((await member.request({ method: 'GET', url: '/api/performance/standings' })).statusCode).toBe(403);
    const one = (await staff.request({ method: 'GET', url: `/api/performance/members/${w.members[1]}/standing` })).json();
    expect(one.total).toBe(3);
  });

  it('rules: a preset as a new version; invalid rules are refused per field', async () => {
    const put = await staff.request({ method: 'PUT', url: '/api/performance/rules', payload: { year: YEAR, preset: 'tongcheng', note: '参照桐城办法' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ source: 'year', rules: { preset: 'tongcheng' }, versions: [{ version: 1, note: '参照桐城办法' }] });
    const bad = await staff.request({ method: 'PUT', url: '/api/performance/rules', payload: { year: YEAR, rules: { name: 'x', groups: [], items: [], grades: [] } } });
    expect(bad.statusCode).toBe(400);
    // Absurd numbers and lists are refused per field (bounds in domain/rules.ts), not stored and scored.
    const sane = put.json().rules;
    for (const [field, rules] of [
      ['body.rules.base', { ...sane, base: 1e12 }],
      ['body.rules.maxTotal', { ...sane, maxTotal: 1e9 }],
      ['body.rules.groups.0.cap', { ...sane, groups: [{ ...sane.groups[0], cap: 1e9 }, ...sane.groups.slice(1)] }],
      ['body.rules.items.0.points', { ...sane, items: [{ ...sane.items[0], points: 1e6 }, ...sane.items.slice(1)] }],
      // Named as the whole body here: zod words a union whose every branch fails this way.
      ['body', { ...sane, grades: Array.from({ length: 500 }, (_, i) => ({ key: `g${i}`, label: `档${i}`, min: i })) }],
      ['body.rules.allowance.amountYuan', { ...sane, allowance: { ...sane.allowance, amountYuan: 1e15 } }],
    ] as const) {
      const res = await staff.request({ method: 'PUT', url: '/api/performance/rules', payload: { year: YEAR, rules } });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field), res.body).toContain(field);
    }
    expect((await member.request({ method: 'PUT', url: '/api/performance/rules', payload: { year: YEAR, preset: 'jinan' } })).statusCode).toBe(403);
    // Live standing follows the year's rules: a 桐城 consultation is worth 5.
    expect((await member.request({ method: 'GET', url: '/api/performance/standing' })).json().total).toBe(5);
  });

  it('staff run and publish the assessment; 述职 by a standing member', async () => {
    const report = await standingMember.request({ method: 'PUT', url: '/api/performance/annual-report', payload: { year: YEAR, body: '本年度本人认真履行常委职责，'.repeat(5) } });
    expect(report.statusCode).toBe(200);
    expect((await member.request({ method: 'PUT', url: '/api/performance/annual-report', payload: { year: YEAR, body: '本年度本人认真履行委员职责，'.repeat(5) } })).json().error.code).toBe('performance.report_not_required');
    const run = await staff.request({ method: 'POST', url: '/api/performance/assessments', payload: { year: YEAR } });
    expect(run.statusCode).toBe(200);
    const a = run.json();
    expect(a).toMatchObject({ status: 'draft', revision: 1, summary: { members: 6 } });
    expect(a.results[0]).toMatchObject({ name: '李华', points: 5, rank: 1 });
    const pub = await staff.request({ method: 'POST', url: `/api/performance/assessments/${a.id}/publish` });
    expect(pub.json().status).toBe('published');
    const again = await staff.request({ method: 'POST', url: '/api/performance/assessments', payload: { year: YEAR } });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'performance.assessment_published']);
    expect((await proposalsOffice.request({ method: 'POST', url: `/api/performance/assessments/${a.id}/publish` })).statusCode).toBe(403);
  });
});
