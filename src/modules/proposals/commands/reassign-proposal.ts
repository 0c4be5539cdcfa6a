import type { Db } from '../../../platform/db/database.js';
import type { AssignInput } from '../contracts.js';
import { replaceLiveAssignments } from '../handling.repository.js';
import type { Caller } from '../proposals.policy.js';
import { describe, planAssignment, storeAssignment } from './assignment-plan.js';
import { move } from './move.js';

/**
 * 改办: the office replaces the assignment (after an objection, or on its own judgement). The
 * units of the old assignment lose access; the new ones get fresh dates.
 */
export async function reassignProposal(db: Db, caller: Caller, id: string, input: AssignInput) {
  return move(db, caller, id, 'reassign', async ({ uow, settings, assignments }) => {
    const plan = await planAssignment(uow.tx, caller.committeeId, input, settings);
    await replaceLiveAssignments(uow.tx, caller.committeeId, id);
    await storeAssignment(uow.tx, caller.committeeId, id, plan);
    const before = assignments.filter((a) => a.status !== 'replaced').map((a) => ({ unitId: a.unitId, name: a.unitName, role: a.role, status: a.status }));
    return { before: { units: before }, after: describe(plan), payload: describe(plan) };
  });
}
