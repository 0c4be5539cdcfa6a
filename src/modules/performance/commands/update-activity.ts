import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { activeMembers } from '../record.repository.js';
import { findActivity, invite, updateActivityRow } from '../activity.repository.js';
import { activityPatch, type ActivityPatch } from '../contracts.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';

/**
 * Staff change an open activity: title, time, half-days, place, and invite more members. The
 * year follows the new start (China time); attendance already recorded stays. Closed or cancelled
 * activities are not changed (409).
 */
export async function updateActivity(db: Db, caller: Caller, id: string, raw: ActivityPatch) {
  const patch = activityPatch.parse(raw);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const a = await findActivity(uow.tx, committeeId, id, { lock: true });
    if (!a) throw new AppError(PerformanceErrors['performance.activity_not_found']);
    if (a.status !== 'open') throw new AppError(PerformanceErrors['performance.activity_not_open'], { statusLabel: STATUS_LABELS[a.status] });
    const next = {
      title: patch.title ?? a.title, startsAt: patch.startsAt ?? a.startsAt, endsAt: patch.endsAt === undefined ? a.endsAt : patch.endsAt,
      halfDays: patch.halfDays ?? a.halfDays, place: patch.place === undefined ? a.place : patch.place,
    };
    if (next.endsAt && Date.parse(next.endsAt) < Date.parse(next.startsAt)) throw new AppError(PerformanceErrors['performance.activity_ends_before_start']);
    const added = [...new Set(patch.addInviteeIds)];
    if (added.length && (await activeMembers(uow.tx, committeeId, added)).length !== added.length) throw new AppError(PerformanceErrors['performance.member_unknown']);
    await updateActivityRow(uow.tx, committeeId, id, { ...next, year: yearOf(chinaDate(next.startsAt)) });
    await invite(uow.tx, committeeId, id, added);
    await uow.audit({
      committeeId, action: 'activity.updated', entity: 'activity', entityId: id,
      before: { title: a.title, startsAt: a.startsAt, endsAt: a.endsAt, halfDays: a.halfDays, place: a.place },
      after: { ...next, invited: added.length },
    });
    return { id };
  });
}

export const STATUS_LABELS = { open: '进行中', closed: '已结束考勤', cancelled: '已取消' } as const;
