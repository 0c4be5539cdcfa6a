import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { reasonInput } from '../contracts.js';
import { chinaDate } from '../../../platform/time.js';
import { markObjected } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import { factsOf, type Caller } from '../proposals.policy.js';
import { move } from './move.js';

/**
 * A unit that holds the matter is not its business objects within the window (异议); it may not
 * pass the proposal on by itself — the office dismisses the objection or re-assigns (改办).
 */
export async function objectToAssignment(db: Db, caller: Caller, id: string, raw: { reason: string }, today = chinaDate()) {
  const { reason } = reasonInput.parse(raw);
  const units = factsOf(caller).unitIds;
  return move(db, caller, id, 'object', async ({ uow, assignments }) => {
    const mine = assignments.find((a) => a.status === 'active' && units.has(a.unitId))!;
    if (today > mine.objectionUntil) throw new AppError(ProposalErrors['proposal.objection_window_closed'], { until: mine.objectionUntil });
    await markObjected(uow.tx, caller.committeeId, mine.id, reason);
    return { after: { unitId: mine.unitId, reason }, payload: { unitId: mine.unitId, unitName: mine.unitName, reason } };
  });
}
