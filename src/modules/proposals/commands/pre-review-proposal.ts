import type { Db } from '../../../platform/db/database.js';
import { noteInput } from '../contracts.js';
import { patchProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 预审: the first of two review passes, for committees that review twice (twoPassReview). */
export async function preReviewProposal(db: Db, caller: Caller, id: string, raw: { note?: string | null } = {}) {
  const { note } = noteInput.parse(raw);
  return move(db, caller, id, 'pre_review', async ({ uow }) => {
    await patchProposal(uow.tx, caller.committeeId, id, { decisionNote: note });
    return { after: { note } };
  });
}
