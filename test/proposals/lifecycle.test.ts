import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptAssignment, assignProposal, closeProposal, countersignReply, createDraft, fileProposal, getProposal, rateReply,
  releaseReply, respondToCosign, saveReply, sendBackReply, submitProposal, submitReply, updateDraft,
} from '../../src/modules/proposals/index.js';
import {
  auditOf, BODY, eventsOf, failsWith, HEALTH, HOUSING, proposalWorld, REPLY, stateOf, TITLE, WATER, type World,
} from './support.js';

describe('a joint proposal from draft to 办结, through the real commands', () => {
  let w: World;
  beforeAll(async () => {
    w = await proposalWorld();
  });

  it('walks draft → submitted → filed → assigned → handling → countersigning → review → released → handling (不满意) → … → closed', async () => {
    const { db } = w;
    // A joint draft: member 0 first signer, members 1 and 2 invited.
    const id = await createDraft(db, w.member(0), { title: TITLE, body: BODY, category: '农业农村', kind: 'joint', cosignerIds: [w.members[1], w.members[2]] });
    let v = await getProposal(db, w.member(0), id);
    expect(v.state).toBe('draft');
    expect(v.signers.map((s) => s.status)).toEqual(['first', 'invited', 'invited']);
    expect(v.abilities.submit).toBe(true);
    expect(v.formCheck?.warnings.map((x) => x.code)).toEqual(['no_research_basis']);
    // The co-signer sees the draft and may confirm; the office does not see a draft at all.
    expect((await getProposal(db, w.member(1), id)).abilities.confirm_cosign).toBe(true);
    await failsWith(getProposal(db, w.office, id), 'proposal.not_found');

    await updateDraft(db, w.member(0), id, { researchBasis: '2025年3月赴通渭县、陇西县调研' });
    await respondToCosign(db, w.member(1), id, { accept: true });
    await submitProposal(db, w.member(0), id);
    v = await getProposal(db, w.office, id);
    expect(v.state).toBe('submitted');
    // Member 2 never confirmed: listed as lapsed, not counted.
    expect(v.signers.map((s) => s.status)).toEqual(['first', 'confirmed', 'lapsed']);

    await fileProposal(db, w.office, id);
    v = await getProposal(db, w.office, id);
    expect(v.numberLabel).toBe('第1号');
    expect(v.fullNumber).toBe('第五届委员会第三次会议第1号');

    await assignProposal(db, w.office, id, { leadUnitId: w.unit(WATER), coUnitIds: [w.unit(HEALTH)], assignedOn: '2025-03-07' });
    v = await getProposal(db, w.clerk(WATER), id);
    expect(v.assignments.map((a) => [a.unitName, a.role, a.deadline, a.objectionUntil])).toEqual([
      [WATER, 'lead', '2025-06-07', '2025-03-14'],
      [HEALTH, 'co', '2025-06-07', '2025-03-14'],
    ]);
    expect(v.abilities.accept).toBe(true);
    expect((await getProposal(db, w.clerk(HEALTH), id)).abilities.accept).toBe(false);

    await acceptAssignment(db, w.clerk(WATER), id);
    await saveReply(db, w.clerk(WATER), id, { ...REPLY, signer: null });
    await failsWith(submitReply(db, w.clerk(WATER), id), 'proposal.reply_incomplete');
    await saveReply(db, w.clerk(WATER), id, { signer: '王局长' });
    await submitReply(db, w.clerk(WATER), id);
    expect(await stateOf(db, id)).toBe('countersigning');
    // The proposer does not see an unreleased reply.
    expect((await getProposal(db, w.member(0), id)).replies).toEqual([]);

    await countersignReply(db, w.clerk(HEALTH), id, { opinion: '同意，卫健部门配合开展水质检测' });
    expect(await stateOf(db, id)).toBe('reply_review');
    await sendBackReply(db, w.office, id, { reason: '请补充资金安排' });
    expect(await stateOf(db, id)).toBe('handling');
    await saveReply(db, w.clerk(WATER), id, { body: REPLY.body + '已安排资金300万元。' });
    await submitReply(db, w.clerk(WATER), id);
    await failsWith(releaseReply(db, w.office, id), 'proposal.invalid_transition');
    await countersignReply(db, w.clerk(HEALTH), id, {});
    await releaseReply(db, w.office, id, { classes: [{ unitId: w.unit(WATER), replyClass: 'B' }] });
    v = await getProposal(db, w.member(1), id);
    expect(v.state).toBe('released');
    expect(v.replyClass).toBe('B');
    expect(v.replies).toHaveLength(1);
    expect(v.replies[0].countersignedBy.map((c) => c.unitName)).toEqual([HEALTH]);
    expect(v.abilities.rate).toBe(true);

    // Member 1 (co-signer) is not satisfied: back to the unit, round 2.
    await rateReply(db, w.member(1), id, { rating: 'dissatisfied', contactedBefore: false, remarks: '未与提案人沟通' });
    v = await getProposal(db, w.office, id);
    expect([v.state, v.round]).toEqual(['handling', 2]);
    await saveReply(db, w.clerk(WATER), id, REPLY);
    await submitReply(db, w.clerk(WATER), id);
    await countersignReply(db, w.clerk(HEALTH), id, {});
    await releaseReply(db, w.office, id);
    await rateReply(db, w.member(0), id, { rating: 'satisfied', contactedBefore: true, attitude: 'good' });
    await failsWith(rateReply(db, w.member(0), id, { rating: 'satisfied' }), 'proposal.already_rated');
    await failsWith(rateReply(db, w.member(2), id, { rating: 'satisfied' }), 'proposal.not_allowed');
    // Staff enter member 1's rating on their behalf.
    await rateReply(db, w.office, id, { rating: 'basically_satisfied', memberId: w.members[1] });
    await closeProposal(db, w.office, id, { note: '办结' });
    v = await getProposal(db, w.member(0), id);
    expect(v.state).toBe('closed');
    expect(v.feedback.map((f) => [f.round, f.rating, f.enteredByStaff])).toEqual([
      [1, 'dissatisfied', false], [2, 'satisfied', false], [2, 'basically_satisfied', true],
    ]);
    expect(Object.values(v.abilities).some(Boolean)).toBe(false);

    // Every move wrote an event row and an audit row in its transaction.
    const events = (await eventsOf(db, w.committeeId, id)).map((e) => e.type);
    expect(events).toEqual([
      'proposals.draft_created', 'proposals.edited', 'proposals.cosign_confirmed', 'proposals.submitted', 'proposals.filed',
      'proposals.assigned', 'proposals.accepted', 'proposals.reply_saved', 'proposals.reply_saved', 'proposals.reply_submitted',
      'proposals.countersigned', 'proposals.sent_back', 'proposals.reply_saved', 'proposals.reply_submitted', 'proposals.countersigned',
      'proposals.reply_released', 'proposals.rated', 'proposals.reply_saved', 'proposals.reply_submitted', 'proposals.countersigned',
      'proposals.reply_released', 'proposals.rated', 'proposals.rated', 'proposals.closed',
    ]);
    const audit = await auditOf(db, w.committeeId, id);
    expect(audit).toHaveLength(events.length);
    expect(audit.find((a) => a.action === 'proposal.file')).toMatchObject({ before: { state: 'submitted' }, after: { state: 'filed', number: 1 } });
    const submittedEv = (await eventsOf(db, w.committeeId, id)).find((e) => e.type === 'proposals.submitted')!;
    expect(submittedEv.payload.members).toEqual([{ memberId: w.members[0], role: 'first' }, { memberId: w.members[1], role: 'cosigner' }]);
  });

  it('分办: each unit answers; the proposal waits for all of them', async () => {
    const { db } = w;
    const id = await createDraft(db, w.member(3), { title: '关于加快老旧小区加装电梯和水管改造的建议', body: BODY, category: '城建环资' });
    await submitProposal(db, w.member(3), id);
    await fileProposal(db, w.office, id);
    await failsWith(assignProposal(db, w.office, id, { mode: 'split', splitUnitIds: [w.unit(HOUSING)] }), 'proposal.split_needs_units');
    await assignProposal(db, w.office, id, { mode: 'split', splitUnitIds: [w.unit(HOUSING), w.unit(WATER)] });
    await acceptAssignment(db, w.clerk(HOUSING), id);
    for (const u of [HOUSING, WATER]) await saveReply(db, w.clerk(u), id, REPLY);
    await submitReply(db, w.clerk(HOUSING), id);
    expect(await stateOf(db, id)).toBe('handling');
    await submitReply(db, w.clerk(WATER), id);
    expect(await stateOf(db, id)).toBe('reply_review');
    await releaseReply(db, w.office, id);
    expect((await getProposal(db, w.member(3), id)).replies.map((r) => r.unitName).sort()).toEqual([WATER, HOUSING].sort());
  });
});
