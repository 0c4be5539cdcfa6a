import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { attendanceOf, cancelActivityRow, findActivity } from '../activity.repository.js';
import { cancelInput } from '../contracts.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { STATUS_LABELS } from './update-activity.js';

/**
 * 取消活动: an open activity that nobody has checked in to is called off, with a reason. It gives no
 * points and no deductions (closing it is what would make the unanswered absent). Once a member
 * attended, the activity took place: it is closed, not cancelled (409).
 */
export async function cancelActivity(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = cancelInput.parse(raw);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const a = await findActivity(uow.tx, committeeId, id, { lock: true });
    if (!a) throw new AppError(PerformanceErrors['performance.activity_not_found']);
    if (a.status !== 'open') throw new AppError(PerformanceErrors['performance.activity_not_open'], { statusLabel: STATUS_LABELS[a.status] });
    const attended = (await attendanceOf(uow.tx, committeeId, id)).filter((x) => x.status === 'attended').length;
    if (attended > 0) throw new AppError(PerformanceErrors['performance.activity_has_attendance'], { n: attended });
    await cancelActivityRow(uow.tx, committeeId, id);
    await uow.audit({ committeeId, action: 'activity.cancelled', entity: 'activity', entityId: id, before: { status: 'open' }, after: { status: 'cancelled', reason } });
    await uow.emit({ type: 'performance.activity_cancelled', committeeId, entityId: id, payload: { activityId: id } });
    return { id };
  });
}
