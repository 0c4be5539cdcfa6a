import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ATTENDANCE_STATUSES, findActivity, findAttendance, setAttendance, type ActivityRow, type AttendanceRow, type AttendanceStatus } from '../activity.repository.js';
import { PerformanceErrors } from '../performance.errors.js';
import { ownMemberId, type Caller } from '../performance.policy.js';
import { creditAttendance } from './credit.js';

export const MEMBER_ACTIONS = { sign_up: '报名', check_in: '签到', leave: '请假' } as const;
export type MemberAction = keyof typeof MEMBER_ACTIONS;

export function invalidChange(status: AttendanceStatus, action: MemberAction): AppError {
  return new AppError(PerformanceErrors['performance.invalid_attendance_change'], {
    status, statusLabel: ATTENDANCE_STATUSES[status], action, actionLabel: MEMBER_ACTIONS[action],
  });
}

export interface MemberMove {
  uow: UnitOfWork;
  activity: ActivityRow;
  memberId: string;
  /** The member's row, if invited or already joined. */
  attendance: AttendanceRow | undefined;
}

/**
 * A member's own move on an activity (sign up, check in, 请假), in one transaction: load the
 * activity in the caller's committee (404), refuse a closed one, let `decide` check the move
 * and name the new status (or null: nothing to change), then write it, the duty records that
 * follow from it, the audit row and the event.
 */
export async function memberMove(
  db: Db, caller: Caller, activityId: string, action: MemberAction,
  decide: (m: MemberMove) => { status: AttendanceStatus; reason?: string | null } | null,
): Promise<{ status: AttendanceStatus }> {
  const memberId = ownMemberId(caller);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const activity = await findActivity(uow.tx, committeeId, activityId, { lock: true });
    if (!activity) throw new AppError(PerformanceErrors['performance.activity_not_found']);
    if (activity.status === 'closed') throw new AppError(PerformanceErrors['performance.activity_closed']);
    if (activity.status === 'cancelled') throw new AppError(PerformanceErrors['performance.activity_not_open'], { statusLabel: '已取消' });
    const attendance = await findAttendance(uow.tx, committeeId, activityId, memberId);
    if (!attendance && !activity.openSignUp) throw new AppError(PerformanceErrors['performance.not_invited']);
    const next = decide({ uow, activity, memberId, attendance });
    if (!next) return { status: attendance!.status };
    await setAttendance(uow.tx, committeeId, activityId, memberId, { status: next.status, reason: next.reason, checkedIn: next.status === 'attended', markedBy: 'self' });
    await creditAttendance(uow, committeeId, activity, memberId, next.status);
    await uow.audit({
      committeeId, action: `attendance.${action}`, entity: 'activity', entityId: activityId,
      before: { memberId, status: attendance?.status ?? null }, after: { memberId, status: next.status, reason: next.reason ?? null },
    });
    await uow.emit({ type: 'performance.attendance_changed', committeeId, entityId: activityId, payload: { activityId, memberId, status: next.status, by: 'self' } });
    return { status: next.status };
  });
}
