import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { fileInput } from '../contracts.js';
import { nextNumber, patchProposal } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { creditedMembers, move } from './move.js';

/** The numbering scope: one sequence per term and plenary session (届次 + 次会议). */
export const numberScopeOf = (p: { termId: string | null; sessionId: string | null }) => `${p.termId ?? '-'}/${p.sessionId ?? '-'}`;

/**
 * 立案: the office files the proposal and gives it the next number of its session
 * ("第58号"). Numbers are gapless and unique under concurrency: the counter row stays locked
 * until this transaction commits, and a rolled-back filing gives its number back.
 */
export async function fileProposal(db: Db, caller: Caller, id: string, raw: { note?: string | null; category?: string } = {}) {
  const input = fileInput.parse(raw);
  return move(db, caller, id, 'file', async ({ uow, row, signers, settings, from }) => {
    if (settings.twoPassReview && from !== 'pre_reviewed') throw new AppError(ProposalErrors['proposal.pre_review_required']);
    if (input.category && !settings.categories.includes(input.category)) {
      throw new AppError(ProposalErrors['proposal.category_unknown'], { category: input.category });
    }
    const scope = numberScopeOf(row);
    const number = await nextNumber(uow.tx, caller.committeeId, scope);
    const numberLabel = `第${number}号`;
    await patchProposal(uow.tx, caller.committeeId, id, {
      numberScope: scope, number, numberLabel, filedAt: 'now', decisionCode: null, decisionNote: input.note,
      ...(input.category ? { category: input.category } : {}),
    });
    return {
      before: { category: row.category },
      after: { number, numberLabel, category: input.category ?? row.category },
      payload: { number, numberLabel, sessionId: row.sessionId, members: creditedMembers(signers) },
    };
  });
}
