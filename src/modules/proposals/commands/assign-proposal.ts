import type { Db } from '../../../platform/db/database.js';
import type { AssignInput } from '../contracts.js';
import type { Caller } from '../proposals.policy.js';
import { describe, planAssignment, storeAssignment } from './assignment-plan.js';
import { move } from './move.js';

/**
 * 交办: the office assigns a filed proposal to one lead unit (主办) with co-handling units
 * (会办), or to several units that each answer (分办). The reply deadline and the objection
 * window follow from the committee's settings.
 */
export async function assignProposal(db: Db, caller: Caller, id: string, input: AssignInput) {
  return move(db, caller, id, 'assign', async ({ uow, settings }) => {
    const plan = await planAssignment(uow.tx, caller.committeeId, input, settings);
    await storeAssignment(uow.tx, caller.committeeId, id, plan);
    return { after: describe(plan), payload: describe(plan) };
  });
}
