import type { Db } from '../../../platform/db/database.js';
import { z } from 'zod';
import { patchProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** The proposer withdraws (撤案) — possible until the proposal is assigned to a unit. */
export async function withdrawProposal(db: Db, caller: Caller, id: string, raw: { reason?: string | null } = {}) {
  const { reason } = z.object({ reason: z.string().trim().max(1000).nullish() }).parse(raw);
  return move(db, caller, id, 'withdraw', async ({ uow }) => {
    await patchProposal(uow.tx, caller.committeeId, id, { decisionNote: reason ?? null });
    return { after: { reason: reason ?? null } };
  });
}
