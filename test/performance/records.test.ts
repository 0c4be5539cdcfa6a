import { beforeAll, describe, expect, it } from 'vitest';
import {
  getDutyRecord, getMemberStanding, listDutyRecords, rejectDutyRecord, submitDutyRecord, unverifyDutyRecord, verifyDutyRecord, voidDutyRecord, withdrawDutyRecord,
} from '../../src/modules/performance/index.js';
import { auditActions, failsWith, perfWorld, type PerfWorld } from './support.js';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const INVESTMENT = {
  kind: 'investment' as const, occurredOn: TODAY, title: '赴深圳开展招商推介',
  metrics: { enterprisesContacted: 12, projectsSigned: 2, amountWan: 8000 }, evidence: [{ name: '签约仪式照片.jpg' }, { name: '新闻报道', url: 'https://example.cn/news/1' }],
};

describe('self-reported records: submitted → verified | rejected, only verified count', () => {
  let w: PerfWorld;
  beforeAll(async () => {
    w = await perfWorld();
  });

  it('a member reports with typed metrics and evidence; it is pending, not counted, until staff verify it', async () => {
    const id = await submitDutyRecord(w.db, w.member(1), INVESTMENT);
    let r = await getDutyRecord(w.db, w.member(1), id);
    expect(r).toMatchObject({ status: 'submitted', source: 'self_reported', kindLabel: '招商引资', metrics: INVESTMENT.metrics });
    expect(r.evidence).toEqual([{ name: '签约仪式照片.jpg', url: null }, { name: '新闻报道', url: 'https://example.cn/news/1' }]);
    expect(r.abilities).toEqual({ verify: false, reject: false, withdraw: true, void: false, unverify: false });
    let s = await getMemberStanding(w.db, w.committeeId, w.members[1]);
    expect(s.pending.map((p) => p.id)).toEqual([id]);
    expect(s.total).toBe(0);

    expect((await getDutyRecord(w.db, w.staff, id)).abilities).toEqual({ verify: true, reject: true, withdraw: false, void: false, unverify: false });
    await verifyDutyRecord(w.db, w.staff, id);
    r = await getDutyRecord(w.db, w.member(1), id);
    expect(r.status).toBe('verified');
    s = await getMemberStanding(w.db, w.committeeId, w.members[1]);
    expect(s.pending).toEqual([]);
    expect(s.byKind).toEqual([expect.objectContaining({ kind: 'investment', count: 1, points: 2 })]);
    expect((await auditActions(w.db, w.committeeId, id)).map((a) => a.action)).toEqual(['duty_record.submitted', 'duty_record.verify']);
    await failsWith(verifyDutyRecord(w.db, w.staff, id), 'performance.invalid_record_transition');
  });

  it('a member cannot verify or reject their own record, even holding a member-affairs staff grant', async () => {
    const own = await submitDutyRecord(w.db, w.member(0), { kind: 'research', occurredOn: TODAY, title: '教育均衡发展调研' });
    await failsWith(verifyDutyRecord(w.db, w.staffMember, own), 'performance.cannot_verify_own');
    await failsWith(rejectDutyRecord(w.db, w.staffMember, own, { reason: '材料不全' }), 'performance.cannot_verify_own');
    expect((await getDutyRecord(w.db, w.staffMember, own)).abilities.verify).toBe(false);
    // Nor one on which they are a co-participant.
    const joint = await submitDutyRecord(w.db, w.member(3), { kind: 'service', occurredOn: TODAY, title: '助学捐赠', coMemberIds: [w.members[0]], metrics: { studentsFunded: 20, amountDonatedWan: 10 } });
    await failsWith(verifyDutyRecord(w.db, w.staffMember, joint), 'performance.cannot_verify_own');
    // Someone else's record they may verify; and a plain member may not verify at all.
    const other = await submitDutyRecord(w.db, w.member(2), { kind: 'research', occurredOn: TODAY, title: '医疗卫生调研' });
    await failsWith(verifyDutyRecord(w.db, w.member(3), other), 'performance.record_not_found');
    await verifyDutyRecord(w.db, w.staffMember, other);
    await verifyDutyRecord(w.db, w.staff, own);
    await verifyDutyRecord(w.db, w.staff, joint);
    const s = await getMemberStanding(w.db, w.committeeId, w.members[0]);
    expect(s.byKind.map((k) => [k.kind, k.count])).toEqual(expect.arrayContaining([['research', 1], ['service', 1]]));
  });

  it('reject with a reason; withdraw before a decision; void a verified record as a correction', async () => {
    const a = await submitDutyRecord(w.db, w.member(5), { kind: 'liaison', occurredOn: TODAY, title: '委员接待日', metrics: { peopleReceived: 30, demandsCollected: 4 } });
    await rejectDutyRecord(w.db, w.staff, a, { reason: '缺少接待登记表' });
    expect(await getDutyRecord(w.db, w.member(5), a)).toMatchObject({ status: 'rejected', rejectReason: '缺少接待登记表' });
    const b = await submitDutyRecord(w.db, w.member(5), { kind: 'reading', occurredOn: TODAY, title: '读书分享' });
    await failsWith(withdrawDutyRecord(w.db, w.member(4), b), 'performance.record_not_found');
    await withdrawDutyRecord(w.db, w.member(5), b);
    await failsWith(verifyDutyRecord(w.db, w.staff, b), 'performance.invalid_record_transition');
    const c = await submitDutyRecord(w.db, w.member(5), { kind: 'reading', occurredOn: TODAY, title: '读书分享（补）' });
    await verifyDutyRecord(w.db, w.staff, c);
    await failsWith(withdrawDutyRecord(w.db, w.member(5), c), 'performance.invalid_record_transition');
    await voidDutyRecord(w.db, w.staff, c, { reason: '与读书日签到重复' });
    expect((await getDutyRecord(w.db, w.staff, c)).status).toBe('void');
    expect((await auditActions(w.db, w.committeeId, c)).at(-1)).toMatchObject({ action: 'duty_record.void', after: { status: 'void', reason: '与读书日签到重复' } });
    expect((await getMemberStanding(w.db, w.committeeId, w.members[5])).total).toBe(0);
  });

  it('undo a verification (撤销核实): back in the queue, no longer counted, audited; then verified again', async () => {
    const investments = (s: Awaited<ReturnType<typeof getMemberStanding>>) => s.byKind.find((k) => k.kind === 'investment')?.count ?? 0;
    const id = await submitDutyRecord(w.db, w.member(4), INVESTMENT);
    await verifyDutyRecord(w.db, w.staff, id);
    expect(investments(await getMemberStanding(w.db, w.committeeId, w.members[4]))).toBe(1);
    expect((await getDutyRecord(w.db, w.staff, id)).abilities).toMatchObject({ unverify: true, void: true, verify: false });
    // Not the member, nor a verifier on their own record.
    await failsWith(unverifyDutyRecord(w.db, w.member(4), id), 'performance.record_not_allowed');
    await unverifyDutyRecord(w.db, w.staff, id);
    const r = await getDutyRecord(w.db, w.staff, id);
    expect(r).toMatchObject({ status: 'submitted', abilities: { verify: true, unverify: false } });
    const s = await getMemberStanding(w.db, w.committeeId, w.members[4]);
    expect(investments(s)).toBe(0);
    expect(s.pending.map((p) => p.id)).toEqual([id]);
    const queue = await listDutyRecords(w.db, w.staff, { status: 'submitted', page: 1, pageSize: 50 });
    expect(queue.items.map((x) => x.id)).toContain(id);
    expect((await auditActions(w.db, w.committeeId, id)).at(-1)).toMatchObject({ action: 'duty_record.unverify', before: { status: 'verified' }, after: { status: 'submitted' } });
    // Only from verified.
    await failsWith(unverifyDutyRecord(w.db, w.staff, id), 'performance.invalid_record_transition');
    await verifyDutyRecord(w.db, w.staff, id);
    expect(investments(await getMemberStanding(w.db, w.committeeId, w.members[4]))).toBe(1);
    // Another committee's staff: 404.
    const other = await perfWorld();
    await failsWith(unverifyDutyRecord(w.db, other.staff, id), 'performance.record_not_found');
  });

  it('checks kind, metrics, date and members', async () => {
    await failsWith(submitDutyRecord(w.db, w.member(0), { kind: 'proposal', occurredOn: TODAY, title: '提案' }), 'performance.kind_not_self_reportable');
    await failsWith(submitDutyRecord(w.db, w.member(0), { ...INVESTMENT, metrics: { visitors: 3 } }), 'performance.metrics_invalid');
    await failsWith(submitDutyRecord(w.db, w.member(0), { kind: 'research', occurredOn: TODAY, title: '调研', metrics: { people: 3 } }), 'performance.metrics_invalid');
    await failsWith(submitDutyRecord(w.db, w.member(0), { kind: 'research', occurredOn: '2999-01-01', title: '调研' }), 'performance.date_invalid');
    await failsWith(submitDutyRecord(w.db, w.member(0), { kind: 'research', occurredOn: TODAY, title: '调研', coMemberIds: [w.members[0]] }), 'performance.member_unknown');
    await failsWith(submitDutyRecord(w.db, w.staff, { kind: 'research', occurredOn: TODAY, title: '调研' }), 'performance.needs_member');
    // Staff report for a member without an account; it still needs verifying.
    const id = await submitDutyRecord(w.db, w.staff, { kind: 'research', occurredOn: TODAY, title: '代录：专题调研', memberIds: [w.members[4]] });
    expect((await getDutyRecord(w.db, w.member(4), id)).status).toBe('submitted');
  });

  it('members list their own records; staff see the verification queue; nobody sees another committee’s', async () => {
    const own = await listDutyRecords(w.db, w.member(5), { page: 1, pageSize: 50 });
    expect(own.items.every((r) => r.members.some((m) => m.memberId === w.members[5]))).toBe(true);
    const sneaky = await listDutyRecords(w.db, w.member(5), { memberId: w.members[1], page: 1, pageSize: 50 });
    expect(sneaky.total).toBe(0);
    const queue = await listDutyRecords(w.db, w.staff, { status: 'submitted', page: 1, pageSize: 50 });
    expect(queue.items.map((r) => r.title)).toEqual(['代录：专题调研']);
    const other = await perfWorld();
    await failsWith(getDutyRecord(w.db, other.staff, queue.items[0].id), 'performance.record_not_found');
    await failsWith(verifyDutyRecord(w.db, other.staff, queue.items[0].id), 'performance.record_not_found');
  });
});
