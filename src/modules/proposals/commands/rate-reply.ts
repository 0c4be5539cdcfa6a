import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { feedbackInput, type FeedbackInput } from '../contracts.js';
import { feedbackOf, insertFeedback } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import { factsOf, type Caller } from '../proposals.policy.js';
import { move } from './move.js';
import { startNewRound } from './rehandle-proposal.js';

/**
 * 评价: a proposer or co-signer (also of a proposal merged into this one) rates the released
 * reply; staff may enter a rating on a member's behalf. 不满意 sends the proposal back to the
 * units for re-handling (重新办理) at once.
 */
export async function rateReply(db: Db, caller: Caller, id: string, raw: FeedbackInput) {
  const input = feedbackInput.parse(raw);
  const facts = factsOf(caller);
  return move(db, caller, id, 'rate', async (m) => {
    const raters = new Set([...m.signers.filter((s) => s.status === 'first' || s.status === 'confirmed'), ...m.mergedSigners].map((s) => s.memberId));
    const own = [...facts.memberIds].find((x) => raters.has(x));
    const memberId = input.memberId && (facts.office || facts.memberIds.has(input.memberId)) ? input.memberId : own;
    if (!memberId || !raters.has(memberId)) throw new AppError(ProposalErrors['proposal.not_a_rater']);
    if ((await feedbackOf(m.uow.tx, caller.committeeId, id)).some((f) => f.memberId === memberId && f.round === m.row.round)) {
      throw new AppError(ProposalErrors['proposal.already_rated']);
    }
    await insertFeedback(m.uow.tx, caller.committeeId, id, {
      memberId, round: m.row.round, rating: input.rating, contactedBefore: input.contactedBefore ?? null,
      attitude: input.attitude ?? null, remarks: input.remarks, enteredBy: caller.actor.userId, onBehalf: memberId !== own,
    });
    const rated = { memberId, rating: input.rating, round: m.row.round, onBehalf: memberId !== own };
    if (input.rating !== 'dissatisfied') return { to: 'released', after: rated, payload: rated };
    const next = await startNewRound(m, m.settings.rehandleMonths, '提案人不满意，重新办理');
    return { to: 'handling', after: { ...rated, ...next }, payload: { ...rated, rehandle: next } };
  });
}
