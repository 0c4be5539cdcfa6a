import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEngine } from '../../src/platform/jobs.js';
import { deliveriesDone, redeliver, startEngine } from '../support/jobs.js';
import { createMember } from '../../src/modules/org/index.js';
import {
  createDraft, fileProposal, mergeProposal, respondToCosign, submitProposal, withdrawProposal,
} from '../../src/modules/proposals/index.js';
import { getMemberStanding, performanceModule, saveRules } from '../../src/modules/performance/index.js';
import { transact, UnitOfWork } from '../../src/platform/db/unit-of-work.js';
import { BODY, filed, proposalWorld, TITLE, type World } from '../proposals/support.js';
import { callerFor, eventually, recordsOf } from './support.js';

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const staffOf = (w: World) => callerFor(w.committeeId, [{ role: 'staff', office: 'member_affairs' }]);

describe('automatic duty records from events', () => {
  let w: World;
  let engine: JobEngine;
  beforeAll(async () => {
    w = await proposalWorld({ units: 3 });
    // What the server does at start-up: the subscribers registered, then the job engine delivering.
    performanceModule().init!(w.db);
    engine = await startEngine();
    await saveRules(w.db, staffOf(w), { year: YEAR, preset: 'tongcheng' });
  });
  afterAll(() => engine?.stop());

  it('a joint proposal, submitted and filed through the real commands, credits its signers with the joint split', async () => {
    const id = await createDraft(w.db, w.member(0), { title: TITLE, body: BODY, category: '农业农村', kind: 'joint', cosignerIds: [w.members[1], w.members[2]] });
    await respondToCosign(w.db, w.member(1), id, { accept: true });
    await respondToCosign(w.db, w.member(2), id, { accept: true });
    await submitProposal(w.db, w.member(0), id);
    await fileProposal(w.db, w.office, id);
    const recs = await eventually(async () => {
      const r = await recordsOf(w.db, w.committeeId);
      return r.filter((x) => x.sourceRef === id).length === 2 ? r.filter((x) => x.sourceRef === id) : null;
    });
    // The two deliveries run side by side: the records are compared in kind order, not arrival order.
    recs!.sort((a, b) => a.kind.localeCompare(b.kind));
    expect(recs!.map((r) => [r.kind, r.status, r.sourceType, r.memberCount])).toEqual([
      ['proposal', 'verified', 'proposals.submitted', 3],
      ['proposal_filed', 'verified', 'proposals.filed', 3],
    ]);
    expect(recs![0].members.map((m) => m.role).sort()).toEqual(['cosigner', 'cosigner', 'first']);
    // 桐城: (10 + 15) — the first proposer half, the others share the rest.
    expect((await getMemberStanding(w.db, w.committeeId, w.members[0], YEAR)).total).toBe(12.5);
    expect((await getMemberStanding(w.db, w.committeeId, w.members[1], YEAR)).total).toBe(6.25);
  });

  it('a merged proposal credits its proposer as filed (proposals.merged_credit); a withdrawn one is voided', async () => {
    const master = await filed(w, 3);
    const merged = await createDraft(w.db, w.member(4), { title: '关于农村供水管网防冻改造的建议', body: BODY, category: '农业农村' });
    await submitProposal(w.db, w.member(4), merged);
    await mergeProposal(w.db, w.office, merged, { masterId: master });
    const credit = await eventually(async () => (await recordsOf(w.db, w.committeeId, { sourceType: 'proposals.merged_credit' }))[0]);
    expect(credit).toMatchObject({ kind: 'proposal_filed', sourceRef: merged, status: 'verified' });

    const gone = await createDraft(w.db, w.member(5), { title: '关于规范农村集贸市场管理的建议', body: BODY, category: '农业农村' });
    await submitProposal(w.db, w.member(5), gone);
    await eventually(async () => (await recordsOf(w.db, w.committeeId)).some((r) => r.sourceRef === gone));
    await withdrawProposal(w.db, w.member(5), gone, { reason: '已通过其他渠道反映' });
    const voided = await eventually(async () => {
      const r = (await recordsOf(w.db, w.committeeId)).filter((x) => x.sourceRef === gone);
      return r.every((x) => x.status === 'void') ? r : null;
    });
    expect(voided!.map((r) => r.status)).toEqual(['void']);
  });

  it('the generic duty.recorded / duty.revoked contract: any module emits, performance records', async () => {
    const ref = 'social-info:item-1:adopted';
    await transact(w.db, { userId: null, label: 'social-info' }, (uow) => uow.emit({
      type: 'duty.recorded', committeeId: w.committeeId, entityId: 'item-1',
      payload: { kind: 'social_info_adopted', sourceRef: ref, title: '《关于农村供水的建议》被省政协采用', members: [{ memberId: w.members[3] }], occurredOn: `${YEAR}-03-02` },
    }));
    const rec = await eventually(async () => (await recordsOf(w.db, w.committeeId, { sourceType: 'duty.recorded' }))[0]);
    expect(rec).toMatchObject({ kind: 'social_info_adopted', occurredOn: `${YEAR}-03-02`, status: 'verified', sourceRef: ref });
    await transact(w.db, { userId: null, label: 'social-info' }, (uow) => uow.emit({ type: 'duty.revoked', committeeId: w.committeeId, payload: { sourceRef: ref } }));
    expect(await eventually(async () => (await recordsOf(w.db, w.committeeId, { sourceType: 'duty.recorded' }))[0].status === 'void')).toBe(true);
  });

  it('an event written with its delivery in one transaction is delivered; delivered again, nothing changes', async () => {
    // A bare unit of work, as any module's command writes one: the delivery job is queued with the event.
    const emit = async (type: string, entityId: string, payload: unknown) =>
      w.db.transaction(async (tx) => new UnitOfWork(tx, { userId: null, label: 'test' }).emit({ type, committeeId: w.committeeId, entityId, payload }));
    const stranger = await createMember(w.db, { userId: null, label: 'test' }, (await proposalWorld({ units: 0 })).committeeId, { name: '外会委员', gender: 'male' } as never);
    const before = (await recordsOf(w.db, w.committeeId)).length;
    await emit('duty.recorded', 'x', { kind: 'speech', sourceRef: 'consultations:speech-9', title: '双月协商座谈会发言', members: [{ memberId: w.members[5] }, { memberId: stranger.id }] });
    await emit('duty.recorded', 'y', { kind: 'speech', title: 'no source ref' });
    await deliveriesDone(w.db, w.committeeId);
    const after = await recordsOf(w.db, w.committeeId);
    // The malformed one (no source) is skipped, not retried forever.
    expect(after.length).toBe(before + 1);
    // A member of another committee named in the payload is never credited here.
    expect(after.find((r) => r.sourceRef === 'consultations:speech-9')!.members).toEqual([{ memberId: w.members[5], role: null }]);
    // Every event of the committee delivered a second time: withdrawn stays void, revoked stays void, nothing doubles.
    expect(await redeliver(w.db, w.committeeId, 'performance.duty_records')).toBeGreaterThan(5);
    expect((await recordsOf(w.db, w.committeeId)).map((r) => [r.id, r.status])).toEqual(after.map((r) => [r.id, r.status]));
  });
});
