import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { rejectInput } from '../contracts.js';
import { patchProposal } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 不予立案, with a coded reason from the committee's list (default: the national ten). */
export async function rejectProposal(db: Db, caller: Caller, id: string, raw: { reasonCode: string; note?: string | null }) {
  const input = rejectInput.parse(raw);
  return move(db, caller, id, 'reject', async ({ uow, settings }) => {
    const reason = settings.rejectReasons.find((r) => r.code === input.reasonCode);
    if (!reason) throw new AppError(ProposalErrors['proposal.reject_reason_unknown']);
    await patchProposal(uow.tx, caller.committeeId, id, { decisionCode: reason.code, decisionNote: input.note });
    return { after: { reasonCode: reason.code, reason: reason.label, note: input.note }, payload: { reasonCode: reason.code } };
  });
}
