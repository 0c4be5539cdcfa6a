import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { extendInput } from '../contracts.js';
import { addMonths } from '../../../platform/calendar.js';
import { setDeadlines } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 延期: a later reply deadline with a reason, at most the committee's limit (default 6 months) after assignment. */
export async function extendDeadline(db: Db, caller: Caller, id: string, raw: { deadline: string; reason: string }) {
  const input = extendInput.parse(raw);
  return move(db, caller, id, 'extend_deadline', async ({ uow, assignments, settings }) => {
    const live = assignments.filter((a) => a.status !== 'replaced');
    const current = live.reduce((d, a) => (a.deadline > d ? a.deadline : d), '');
    const max = addMonths(live[0].assignedOn, settings.maxDeadlineMonths);
    if (input.deadline <= current || input.deadline > max) throw new AppError(ProposalErrors['proposal.deadline_invalid'], { max });
    await setDeadlines(uow.tx, caller.committeeId, id, input.deadline, input.reason);
    return { before: { deadline: current }, after: { deadline: input.deadline, reason: input.reason }, payload: { deadline: input.deadline } };
  });
}
