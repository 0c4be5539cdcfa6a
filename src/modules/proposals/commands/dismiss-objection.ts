import type { Db } from '../../../platform/db/database.js';
import { reasonInput } from '../contracts.js';
import { reactivateObjected } from '../handling.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** The office finds the objection unfounded: the assignment stands as it was. */
export async function dismissObjection(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return move(db, caller, id, 'dismiss_objection', async ({ uow }) => {
    await reactivateObjected(uow.tx, caller.committeeId, id);
    return { after: { reason }, payload: { reason } };
  });
}
