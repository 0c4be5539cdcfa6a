import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlenarySession, createMember } from '../../src/modules/org/index.js';
import {
  acceptAssignment, assignProposal, convertProposal, countersignReply, createDraft, fileProposal, mergeProposal, rateReply,
  rejectProposal, releaseReply, respondToCosign, saveReply, submitProposal, submitReply, withdrawProposal, type DraftInput,
} from '../../src/modules/proposals/index.js';
import { chinaDate } from '../../src/platform/time.js';
import { proposalFigures } from '../../src/modules/proposals/queries/figures.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, callerFor, HEALTH, HOUSING, proposalWorld, REPLY, WATER, type World } from './support.js';

const system = { userId: null, label: 'test' };
const OLD = '2025-01-20'; // assigned then: the three-month deadline (2025-04-20) has passed

/**
 * A hand-made session, every figure computed by hand below:
 *  P1 m0 教育界 农业农村 filed → 水务局 lead + 卫健委 co (today) → countersigned, class A, released → m0 满意
 *  P2 m1 经济界 农业农村 joint with m2 → 卫健委 lead (OLD) → class B, released late → m1, m2 基本满意
 *  P3 m0 经济 → 水务局 lead (OLD), not answered: overdue; P8 m0 merged into P3
 *  P4 m1 经济 → 分办 水务局 + 住建局 (today): pending ×2
 *  P5 m0 not filed (no_suggestion), P6 m0 not filed (personal), P7 m1 converted
 *  P9 m2 submitted (under review), P10 m2 withdrawn, P11 m0 draft (not received)
 *  P12 m0 农业农村 → 住建局 lead (today) → class C released → m0 不满意 → re-handling round 2 (pending, no class)
 */
describe('proposal figures on a hand-made session', () => {
  let w: World;
  let m: string[];
  let other: { sessionId: string };
  const ids: Record<string, string> = {};

  const make = async (key: string, by: number, input: Partial<DraftInput>) => {
    const c = callerFor(w.committeeId, [{ role: 'member', memberId: m[by] }]);
    ids[key] = await createDraft(w.db, c, { title: `关于第${key}件事项的建议`, body: BODY, category: '社会法制', sessionId: w.sessionId, ...input });
    return { c, id: ids[key] };
  };
  const member = (i: number) => callerFor(w.committeeId, [{ role: 'member', memberId: m[i] }]);
  const submit = async (key: string, by: number, input: Partial<DraftInput> = {}) => {
    const { c, id } = await make(key, by, input);
    await submitProposal(w.db, c, id);
    return id;
  };
  const file = async (key: string, by: number, input: Partial<DraftInput> = {}) => {
    const id = await submit(key, by, input);
    await fileProposal(w.db, w.office, id);
    return id;
  };
  const answer = async (id: string, unit: string, replyClass: string, co: string[] = []) => {
    await acceptAssignment(w.db, w.clerk(unit), id);
    await saveReply(w.db, w.clerk(unit), id, { ...REPLY, replyClass });
    await submitReply(w.db, w.clerk(unit), id);
    for (const c of co) await countersignReply(w.db, w.clerk(c), id, {});
    await releaseReply(w.db, w.office, id);
  };

  beforeAll(async () => {
    w = await proposalWorld();
    const [edu, econ] = w.committee.sectorIds;
    m = [
      (await createMember(w.db, system, w.committeeId, { name: '教育委员', gender: 'female', sectorId: edu } as never)).id,
      (await createMember(w.db, system, w.committeeId, { name: '经济委员', gender: 'male', sectorId: econ } as never)).id,
      (await createMember(w.db, system, w.committeeId, { name: '无界别委员', gender: 'male' } as never)).id,
    ];
    const today = chinaDate();
    const p1 = await file('P1', 0, { category: '农业农村' });
    await assignProposal(w.db, w.office, p1, { leadUnitId: w.unit(WATER), coUnitIds: [w.unit(HEALTH)], assignedOn: today });

    const { c: c2, id: p2 } = await make('P2', 1, { category: '农业农村', kind: 'joint', cosignerIds: [m[2]] });
    await respondToCosign(w.db, member(2), p2, { accept: true });
    await submitProposal(w.db, c2, p2);
    await fileProposal(w.db, w.office, p2);
    await assignProposal(w.db, w.office, p2, { leadUnitId: w.unit(HEALTH), assignedOn: OLD });

    const p3 = await file('P3', 0, { category: '经济' });
    await assignProposal(w.db, w.office, p3, { leadUnitId: w.unit(WATER), assignedOn: OLD });
    await mergeProposal(w.db, w.office, await submit('P8', 0), { masterId: p3 });

    const p4 = await file('P4', 1, { category: '经济' });
    await assignProposal(w.db, w.office, p4, { mode: 'split', splitUnitIds: [w.unit(WATER), w.unit(HOUSING)], assignedOn: today });

    await rejectProposal(w.db, w.office, await submit('P5', 0), { reasonCode: 'no_suggestion' });
    await rejectProposal(w.db, w.office, await submit('P6', 0), { reasonCode: 'personal' });
    await convertProposal(w.db, w.office, await submit('P7', 1));
    await submit('P9', 2);
    await withdrawProposal(w.db, member(2), await submit('P10', 2));
    await make('P11', 0, {});

    const p12 = await file('P12', 0, { category: '农业农村' });
    await assignProposal(w.db, w.office, p12, { leadUnitId: w.unit(HOUSING), assignedOn: today });

    await answer(p1, WATER, 'A', [HEALTH]);
    await answer(p2, HEALTH, 'B');
    await answer(p12, HOUSING, 'C');
    await rateReply(w.db, member(0), p1, { rating: 'satisfied' });
    await rateReply(w.db, member(1), p2, { rating: 'basically_satisfied' });
    await rateReply(w.db, member(2), p2, { rating: 'basically_satisfied' });
    await rateReply(w.db, member(0), p12, { rating: 'dissatisfied' });

    // Another session of the same committee: never counted in this session's figures.
    other = { sessionId: await addPlenarySession(w.db, system, w.committeeId, w.committee.termId, { number: 4, name: '第五届委员会第四次会议', startDate: '2026-01-10' }) };
    await createDraft(w.db, member(0), { title: '关于下次会议事项的建议', body: BODY, category: '经济', sessionId: other.sessionId })
      .then((id) => submitProposal(w.db, member(0), id));
  });

  it('counts received, filed, merged, converted, not filed by reason, withdrawn and under review', async () => {
    const f = await proposalFigures(w.db, w.committeeId, { sessionId: w.sessionId });
    expect(f.scope).toMatchObject({ sessionId: w.sessionId, sessionName: '第五届委员会第三次会议', year: null });
    expect(f.totals).toEqual({ received: 11, filed: 5, merged: 1, converted: 1, notFiled: 2, withdrawn: 1, underReview: 1 });
    expect(f.notFiledByReason).toEqual([
      { code: 'no_suggestion', label: '没有具体建议或者建议无法实施的', count: 1 },
      { code: 'personal', label: '属于提案人个人或家庭问题的', count: 1 },
    ]);
  });

  it('judges replies against deadlines: 1 on time, 1 late, 1 overdue, 3 pending → 1/3 on time', async () => {
    const f = await proposalFigures(w.db, w.committeeId, { sessionId: w.sessionId });
    expect(f.timeliness).toEqual({ answering: 6, replied: 2, onTime: 1, late: 1, overdue: 1, pending: 3, onTimeRate: 0.3333 });
  });

  it('counts classes of released replies and each rater\'s latest rating', async () => {
    const f = await proposalFigures(w.db, w.committeeId, { sessionId: w.sessionId });
    expect(f.classes.map((c) => [c.code, c.count, c.share])).toEqual([['A', 1, 0.5], ['B', 1, 0.5], ['C', 0, 0]]);
    expect(f.satisfaction).toEqual({ satisfied: 1, basicallySatisfied: 2, dissatisfied: 1, total: 4, rate: 0.75 });
  });

  it('gives each unit its workload, timeliness and satisfaction', async () => {
    const f = await proposalFigures(w.db, w.committeeId, { sessionId: w.sessionId });
    const by = Object.fromEntries(f.units.map((u) => [u.name, u]));
    expect(Object.keys(by).sort()).toEqual([HOUSING, WATER, HEALTH].sort());
    expect(by[WATER]).toMatchObject({ lead: 2, co: 0, split: 1, answering: 3, onTime: 1, late: 0, overdue: 1, pending: 1, onTimeRate: 0.5, satisfied: 1, total: 1, rate: 1 });
    expect(by[HEALTH]).toMatchObject({ lead: 1, co: 1, split: 0, answering: 1, onTime: 0, late: 1, overdue: 0, pending: 0, onTimeRate: 0, basicallySatisfied: 2, total: 2, rate: 1 });
    expect(by[HOUSING]).toMatchObject({ lead: 1, co: 0, split: 1, answering: 2, pending: 2, onTimeRate: null, dissatisfied: 1, total: 1, rate: 0 });
  });

  it('counts by sector of the first proposer, by category, and by month', async () => {
    const f = await proposalFigures(w.db, w.committeeId, { sessionId: w.sessionId });
    expect(f.sectors).toEqual([
      { name: '教育界', received: 6, filed: 3 },
      { name: '经济界', received: 3, filed: 2 },
      { name: '未分界别', received: 2, filed: 0 },
    ]);
    expect(f.categories).toEqual([
      { name: '社会法制', received: 6, filed: 0, replied: 0 },
      { name: '农业农村', received: 3, filed: 3, replied: 3 },
      { name: '经济', received: 2, filed: 2, replied: 0 },
    ]);
    const month = chinaDate().slice(0, 7);
    expect(f.monthly).toEqual([{ month, received: 11, filed: 5, replied: 2 }]);
  });

  it('a year counts every session of the year; the default is the current session', async () => {
    const year = Number(chinaDate().slice(0, 4));
    const f = await proposalFigures(w.db, w.committeeId, { year });
    expect(f.totals.received).toBe(12);
    expect(f.monthly).toHaveLength(12);
    expect(f.monthly.reduce((n, x) => n + x.received, 0)).toBe(12);
    expect((await proposalFigures(w.db, w.committeeId, { year: year - 5 })).totals.received).toBe(0);
    const current = await proposalFigures(w.db, w.committeeId, {});
    expect(current.scope.sessionId).toBe(other.sessionId);
    expect(current.totals.received).toBe(1);
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    const s: Record<string, Session> = {};
    beforeAll(async () => {
      app = await testApp();
      const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) => loginAs(app, (await makeUser(w.db, committeeId, grants)).username);
      s.office = await login([{ role: 'staff', office: 'proposals' }]);
      s.info = await login([{ role: 'staff', office: 'info' }]);
      s.leader = await login([{ role: 'leader' }]);
      s.member = await login([{ role: 'member', memberId: m[0] }]);
      s.clerk = await login([{ role: 'unit_clerk', unitId: w.unit(WATER) }]);
      const elsewhere = await proposalWorld({ units: 0 });
      s.outsider = await login([{ role: 'staff', office: 'proposals' }], elsewhere.committeeId);
    });
    afterAll(() => app?.close());

    it('staff and leaders read the figures; members and clerks get 403', async () => {
      const url = `/api/proposals/figures?sessionId=${w.sessionId}`;
      for (const who of ['office', 'info', 'leader']) {
        const res = await s[who].request({ method: 'GET', url });
        expect(res.statusCode, who).toBe(200);
        expect(res.json().totals.received).toBe(11);
      }
      for (const who of ['member', 'clerk']) {
        const res = await s[who].request({ method: 'GET', url });
        expect(res.statusCode, who).toBe(403);
        expect(res.json().error.code).toBe('auth.forbidden');
      }
    });

    it('another committee: its session is 404, its committee is 404; bad input is 400', async () => {
      let res = await s.outsider.request({ method: 'GET', url: `/api/proposals/figures?sessionId=${w.sessionId}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('proposal_export.session_not_found');
      res = await s.outsider.request({ method: 'GET', url: '/api/proposals/figures', committeeId: w.committeeId });
      expect(res.statusCode).toBe(404);
      res = await s.office.request({ method: 'GET', url: `/api/proposals/figures?sessionId=${w.sessionId}&year=2025` });
      expect(res.statusCode).toBe(400);
      res = await s.office.request({ method: 'GET', url: '/api/proposals/figures?year=abc' });
      expect(res.statusCode).toBe(400);
    });

    it('figures.xlsx holds the same figures', async () => {
      const res = await s.leader.request({ method: 'GET', url: `/api/proposals/figures.xlsx?sessionId=${w.sessionId}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const summary = new Map<string, unknown>();
      wb.getWorksheet('总体情况')!.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
      expect(summary.get('收到提案')).toBe(11);
      expect(summary.get('立案')).toBe(5);
      expect(summary.get('按期答复率')).toBe('33.3%');
      expect(summary.get('满意率（满意＋基本满意）')).toBe('75.0%');
      const units: string[] = [];
      wb.getWorksheet('承办单位')!.eachRow((r, i) => { if (i > 1) units.push(String(r.getCell(1).value)); });
      expect(units.sort()).toEqual([HOUSING, WATER, HEALTH].sort());
      expect((await s.member.request({ method: 'GET', url: '/api/proposals/figures.xlsx' })).statusCode).toBe(403);
    });
  });
});
