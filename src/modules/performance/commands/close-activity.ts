import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { closeActivityRow, findActivity, setAttendance, unanswered } from '../activity.repository.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { creditAttendance } from './credit.js';

/**
 * 结束考勤: members still only invited or signed up — neither checked in nor excused — are
 * recorded as absent without leave (无故缺席), which a meeting turns into a deduction record.
 */
export async function closeActivity(db: Db, caller: Caller, activityId: string) {
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const activity = await findActivity(uow.tx, committeeId, activityId, { lock: true });
    if (!activity) throw new AppError(PerformanceErrors['performance.activity_not_found']);
    if (activity.status === 'closed') throw new AppError(PerformanceErrors['performance.activity_closed']);
    if (activity.status === 'cancelled') throw new AppError(PerformanceErrors['performance.activity_not_open'], { statusLabel: '已取消' });
    const absent = await unanswered(uow.tx, committeeId, activityId);
    for (const memberId of absent) {
      await setAttendance(uow.tx, committeeId, activityId, memberId, { status: 'absent', markedBy: 'close' });
      await creditAttendance(uow, committeeId, activity, memberId, 'absent');
    }
    await closeActivityRow(uow.tx, committeeId, activityId);
    await uow.audit({ committeeId, action: 'activity.closed', entity: 'activity', entityId: activityId, before: { status: 'open' }, after: { status: 'closed', absent } });
    await uow.emit({ type: 'performance.activity_closed', committeeId, entityId: activityId, payload: { activityId, absent: absent.length } });
    return { absent: absent.length };
  });
}
