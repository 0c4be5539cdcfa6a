import type { Db } from '../../../platform/db/database.js';
import { reasonInput } from '../contracts.js';
import { patchProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 退回修改: back to the proposer with the reason; the proposer edits and submits again. */
export async function returnProposal(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return move(db, caller, id, 'return_for_revision', async ({ uow }) => {
    await patchProposal(uow.tx, caller.committeeId, id, { decisionCode: 'returned', decisionNote: reason });
    return { after: { reason }, payload: { reason } };
  });
}
