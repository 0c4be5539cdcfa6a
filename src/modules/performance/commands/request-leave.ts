import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { leaveInput } from '../contracts.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { invalidChange, memberMove } from './attendance-move.js';
import { checkInWindow } from './check-in.js';

/** 请假: an invited or signed-up member excuses themselves with a reason, until the activity's last day ends. */
export async function requestLeave(db: Db, caller: Caller, activityId: string, raw: { reason: string }, now: Date = new Date()) {
  const { reason } = leaveInput.parse(raw);
  return memberMove(db, caller, activityId, 'leave', ({ activity, attendance }) => {
    if (!attendance) throw new AppError(PerformanceErrors['performance.not_invited']);
    if (now > checkInWindow(activity).until) throw invalidChange(attendance.status, 'leave');
    if (attendance.status === 'invited' || attendance.status === 'signed_up' || attendance.status === 'excused') return { status: 'excused', reason };
    throw invalidChange(attendance.status, 'leave');
  });
}
