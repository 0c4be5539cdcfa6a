import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { attendanceOf, findActivity, setAttendance } from '../activity.repository.js';
import { attendanceInput } from '../contracts.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { activeMembers } from '../record.repository.js';
import { creditAttendance } from './credit.js';

/**
 * Staff record attendance (签到 by staff, 请假 approved, 缺席): for any active member, also after
 * the activity was closed (a correction); the duty records follow the new status.
 */
export async function markAttendance(db: Db, caller: Caller, activityId: string, raw: { entries: { memberId: string; status: 'attended' | 'excused' | 'absent'; reason?: string | null }[] }) {
  const { entries } = attendanceInput.parse(raw);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const activity = await findActivity(uow.tx, committeeId, activityId, { lock: true });
    if (!activity) throw new AppError(PerformanceErrors['performance.activity_not_found']);
    // A cancelled activity did not take place: no attendance, so no points and no deductions.
    if (activity.status === 'cancelled') throw new AppError(PerformanceErrors['performance.activity_not_open'], { statusLabel: '已取消' });
    const ids = entries.map((e) => e.memberId);
    if (new Set(ids).size !== ids.length || (await activeMembers(uow.tx, committeeId, ids)).length !== ids.length) {
      throw new AppError(PerformanceErrors['performance.member_unknown']);
    }
    const before = new Map((await attendanceOf(uow.tx, committeeId, activityId)).map((a) => [a.memberId, a.status]));
    for (const e of entries) {
      await setAttendance(uow.tx, committeeId, activityId, e.memberId, { status: e.status, reason: e.reason, checkedIn: e.status === 'attended', markedBy: 'staff' });
      await creditAttendance(uow, committeeId, activity, e.memberId, e.status);
    }
    await uow.audit({
      committeeId, action: 'attendance.marked', entity: 'activity', entityId: activityId,
      before: entries.map((e) => ({ memberId: e.memberId, status: before.get(e.memberId) ?? null })),
      after: entries.map((e) => ({ memberId: e.memberId, status: e.status, reason: e.reason })),
    });
    await uow.emit({ type: 'performance.attendance_changed', committeeId, entityId: activityId, payload: { activityId, by: 'staff', entries: entries.length } });
    return { marked: entries.length };
  });
}
