import type { Db } from '../../../platform/db/database.js';
import { reasonInput } from '../contracts.js';
import { addMonths } from '../../../platform/calendar.js';
import { chinaDate } from '../../../platform/time.js';
import { setDeadlines } from '../handling.repository.js';
import { patchProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move, type MoveContext } from './move.js';

/** A new handling round for the units still assigned, with a new deadline `months` from today. */
export async function startNewRound(m: MoveContext, months: number, reason: string | null) {
  const round = m.row.round + 1;
  const deadline = addMonths(chinaDate(), months);
  await patchProposal(m.uow.tx, m.caller.committeeId, m.row.id, { round, replyClass: null });
  await setDeadlines(m.uow.tx, m.caller.committeeId, m.row.id, deadline, reason);
  return { round, deadline };
}

/** 重新办理: the office sends a released reply back to the units for another round. */
export async function rehandleProposal(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return move(db, caller, id, 'rehandle', async (m) => {
    const next = await startNewRound(m, m.settings.rehandleMonths, reason);
    return { before: { round: m.row.round }, after: { ...next, reason }, payload: { ...next, reason } };
  });
}
