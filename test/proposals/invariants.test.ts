import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../src/modules/org/index.js';
import {
  acceptAssignment, assignProposal, createDraft, dismissObjection, extendDeadline, fileProposal, getProposal, objectToAssignment,
  preReviewProposal, reassignProposal, rejectProposal, respondToCosign, returnProposal, submitProposal, updateDraft,
  updateProposalSettings, withdrawProposal, convertProposal,
} from '../../src/modules/proposals/index.js';
import { chinaDate } from '../../src/platform/time.js';
import { makeCommittee } from '../support/factories.js';
import { assigned, BODY, draft, failsWith, filed, HEALTH, HOUSING, proposalWorld, stateOf, submitted, TITLE, WATER, type World } from './support.js';

describe('filing invariants', () => {
  let w: World;
  beforeAll(async () => {
    w = await proposalWorld({ units: 0 });
  });

  it('co-signers must confirm before submission counts them; a joint proposal needs one', async () => {
    const id = await draft(w, 0, { kind: 'joint', cosignerIds: [w.members[1]] });
    await failsWith(submitProposal(w.db, w.member(0), id), 'proposal.joint_needs_cosigner');
    await respondToCosign(w.db, w.member(1), id, { accept: false });
    await failsWith(submitProposal(w.db, w.member(0), id), 'proposal.joint_needs_cosigner');
    await respondToCosign(w.db, w.member(1), id, { accept: true });
    await submitProposal(w.db, w.member(0), id);
    // After submission nobody can confirm any more.
    await failsWith(respondToCosign(w.db, w.member(1), id, { accept: true }), 'proposal.invalid_transition');
  });

  it('co-signers are active members of this committee other than the first signer; individual proposals have none', async () => {
    await failsWith(draft(w, 0, { kind: 'individual', cosignerIds: [w.members[1]] }), 'proposal.individual_has_cosigners');
    await failsWith(draft(w, 0, { kind: 'joint', cosignerIds: [w.members[0]] }), 'proposal.cosigner_unknown');
    const other = await makeCommittee(w.db);
    const stranger = await createMember(w.db, { userId: null, label: 't' }, other.id, { name: '外会委员', gender: 'male' } as never);
    await failsWith(draft(w, 0, { kind: 'joint', cosignerIds: [stranger.id] }), 'proposal.cosigner_unknown');
    await failsWith(draft(w, 0, { kind: 'party_group' }), 'proposal.submitter_required');
    await failsWith(draft(w, 0, { category: '外交' }), 'proposal.category_unknown');
    // Only the invited member may answer an invitation; the first signer may not.
    const id = await draft(w, 0, { kind: 'joint', cosignerIds: [w.members[1]] });
    await failsWith(respondToCosign(w.db, w.member(0), id, { accept: true }), 'proposal.not_allowed');
    await failsWith(respondToCosign(w.db, w.member(2), id, { accept: true }), 'proposal.not_found');
  });

  it('the format limits block submission; the draft can be saved anyway', async () => {
    const id = await draft(w, 0, { title: '关于' + '加强'.repeat(20) + '的建议' });
    const e = (await failsWith(submitProposal(w.db, w.member(0), id), 'proposal.format_errors')) as { details: { errors: { code: string }[] } };
    expect(e.details.errors.map((x) => x.code)).toEqual(['title_too_long']);
    await updateDraft(w.db, w.member(0), id, { title: TITLE });
    await submitProposal(w.db, w.member(0), id);
    expect(await stateOf(w.db, id)).toBe('submitted');
  });

  it('returned for revision, edited and submitted again; withdrawal only before assignment', async () => {
    const id = await submitted(w, 2);
    await returnProposal(w.db, w.office, id, { reason: '请补充具体建议' });
    await updateDraft(w.db, w.member(2), id, { body: BODY + '\n四、其他\n建议建立冬季抢修专项资金。' });
    await submitProposal(w.db, w.member(2), id);
    const { rows } = await w.db.execute<{ df: number }>(sql`select df from proposal_token_df where committee_id = ${w.committeeId} and token = '抢修'`);
    expect(rows[0].df).toBeGreaterThan(0);
    await withdrawProposal(w.db, w.member(2), id, { reason: '已通过其他渠道反映' });
    expect(await stateOf(w.db, id)).toBe('withdrawn');
  });

  it('only the office reviews, with a configured reason; two-pass committees pre-review first', async () => {
    const id = await submitted(w, 0);
    await failsWith(fileProposal(w.db, w.member(0), id), 'proposal.not_allowed');
    await failsWith(rejectProposal(w.db, w.office, id, { reasonCode: 'too_long' }), 'proposal.reject_reason_unknown');
    const c = await submitted(w, 1);
    await convertProposal(w.db, w.office, c, { forwardTo: '市信访局' });
    expect(await stateOf(w.db, c)).toBe('converted');

    const strict = await proposalWorld({ units: 0 });
    await updateProposalSettings(strict.db, strict.office, { twoPassReview: true, rejectReasons: [{ code: 'no_suggestion', label: '没有具体建议' }] });
    const s = await submitted(strict, 0);
    await failsWith(fileProposal(strict.db, strict.office, s), 'proposal.pre_review_required');
    await preReviewProposal(strict.db, strict.office, s, { note: '初审通过' });
    await failsWith(rejectProposal(strict.db, strict.office, s, { reasonCode: 'state_secret' }), 'proposal.reject_reason_unknown');
    await rejectProposal(strict.db, strict.office, s, { reasonCode: 'no_suggestion', note: '缺少可操作的建议' });
    const v = await getProposal(strict.db, strict.member(0), s);
    expect([v.state, v.decision.code, v.decision.label]).toEqual(['not_filed', 'no_suggestion', '没有具体建议']);
    await failsWith(fileProposal(strict.db, strict.office, s), 'proposal.invalid_transition');
  });

  it('numbers filings per session without gaps or duplicates when 20 are filed at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await draft(w, i % 6));
    // Submitted at once too: the shared word statistics must not deadlock.
    await Promise.all(ids.map((id, i) => submitProposal(w.db, w.member(i % 6), id)));
    const before = await w.db.execute<{ n: number }>(sql`select coalesce(max(number), 0)::int as n from proposals where committee_id = ${w.committeeId}`);
    await Promise.all(ids.map((id) => fileProposal(w.db, w.office, id)));
    const { rows } = await w.db.execute<{ number: number }>(sql`select number from proposals where committee_id = ${w.committeeId} and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid) order by number`);
    const start = before.rows[0].n;
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
  });
});

describe('assignment invariants', () => {
  let w: World;
  beforeAll(async () => {
    w = await proposalWorld();
  });

  it('cannot assign without a lead unit, to units of another committee, or twice to one unit', async () => {
    const id = await filed(w);
    await failsWith(assignProposal(w.db, w.office, id, { mode: 'lead', coUnitIds: [w.unit(HEALTH)] }), 'proposal.lead_unit_required');
    await failsWith(assignProposal(w.db, w.office, id, { leadUnitId: w.unit(WATER), coUnitIds: [w.unit(WATER)] }), 'proposal.unit_unknown');
    const other = await proposalWorld({ units: 1 });
    await failsWith(assignProposal(w.db, w.office, id, { leadUnitId: other.units.values().next().value! }), 'proposal.unit_unknown');
    await failsWith(acceptAssignment(w.db, w.clerk(WATER), id), 'proposal.not_found');
    await assignProposal(w.db, w.office, id, { leadUnitId: w.unit(WATER) });
    await failsWith(withdrawProposal(w.db, w.member(0), id), 'proposal.invalid_transition');
  });

  it('a unit objects within the window; the office re-assigns and the old unit loses the proposal', async () => {
    const id = await assigned(w, { co: [HEALTH], assignedOn: chinaDate() });
    await objectToAssignment(w.db, w.clerk(HEALTH), id, { reason: '饮水工程不属于本单位职责' });
    expect(await stateOf(w.db, id)).toBe('objected');
    await failsWith(acceptAssignment(w.db, w.clerk(WATER), id), 'proposal.invalid_transition');
    await dismissObjection(w.db, w.office, id, { reason: '水质检测属于卫健部门职责' });
    expect(await stateOf(w.db, id)).toBe('assigned');
    await objectToAssignment(w.db, w.clerk(WATER), id, { reason: '属于住建部门' });
    await reassignProposal(w.db, w.office, id, { leadUnitId: w.unit(HOUSING) });
    await failsWith(getProposal(w.db, w.clerk(WATER), id), 'proposal.not_found');
    const v = await getProposal(w.db, w.clerk(HOUSING), id);
    expect(v.assignments.filter((a) => a.status !== 'replaced').map((a) => a.unitName)).toEqual([HOUSING]);
    expect(v.abilities.accept).toBe(true);
  });

  it('after the window (5 working days) a unit can no longer object', async () => {
    const id = await assigned(w, { assignedOn: '2025-03-07' });
    const e = await failsWith(objectToAssignment(w.db, w.clerk(WATER), id, { reason: '不属于本单位' }, '2025-03-17'), 'proposal.objection_window_closed');
    expect((e as { params: { until: string } }).params.until).toBe('2025-03-14');
    await objectToAssignment(w.db, w.clerk(WATER), id, { reason: '不属于本单位' }, '2025-03-14');
  });

  it('deadline = assignment + 3 months; extension later, with a reason, at most 6 months', async () => {
    const id = await assigned(w, { assignedOn: '2025-03-10' });
    await acceptAssignment(w.db, w.clerk(WATER), id);
    await failsWith(extendDeadline(w.db, w.office, id, { deadline: '2025-09-11', reason: '需跨年度实施' }), 'proposal.deadline_invalid');
    await failsWith(extendDeadline(w.db, w.office, id, { deadline: '2025-06-01', reason: '需跨年度实施' }), 'proposal.deadline_invalid');
    await extendDeadline(w.db, w.office, id, { deadline: '2025-09-10', reason: '需跨年度实施' });
    const v = await getProposal(w.db, w.office, id);
    expect(v.assignments.map((a) => [a.deadline, a.extensionReason])).toEqual([['2025-09-10', '需跨年度实施']]);
    await updateProposalSettings(w.db, w.office, { deadlineMonths: 2 });
    const id2 = await assigned(w, { assignedOn: '2025-03-10' });
    expect((await getProposal(w.db, w.office, id2)).assignments[0].deadline).toBe('2025-05-10');
  });
});

describe('drafts are private', () => {
  it('a draft is seen by its signers only', async () => {
    const w = await proposalWorld({ units: 0 });
    const id = await createDraft(w.db, w.member(0), { title: TITLE, body: BODY, category: '农业农村' });
    await failsWith(getProposal(w.db, w.member(1), id), 'proposal.not_found');
    await failsWith(getProposal(w.db, w.office, id), 'proposal.not_found');
    await submitProposal(w.db, w.member(0), id);
    // Submitted but not filed: the office sees it, other members do not yet.
    await getProposal(w.db, w.office, id);
    await failsWith(getProposal(w.db, w.member(1), id), 'proposal.not_found');
    await fileProposal(w.db, w.office, id);
    expect((await getProposal(w.db, w.member(1), id)).abilities.edit).toBe(false);
  });
});
