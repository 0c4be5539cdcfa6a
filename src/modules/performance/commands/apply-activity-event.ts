import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { activityIdBySource, findActivity, findAttendance, insertSourcedActivity, invite, setAttendance } from '../activity.repository.js';
import { ACTIVITY_REPLY, ACTIVITY_REQUESTED, activityReplyPayload, activityRequestedPayload } from '../events.js';
import type { StoredEvent } from './apply-duty-event.js';

const system = { userId: null, label: 'system:performance' };

/**
 * Activities other modules ask for (events.ts §3), applied idempotently: one activity per
 * source, so a second delivery changes nothing. A reply that arrives before its activity exists
 * (deliveries are not ordered) throws, and the job is retried.
 */
export async function applyActivityEvent(db: Db, e: StoredEvent): Promise<'created' | 'updated' | 'unchanged' | 'ignored'> {
  const { committeeId } = e;
  if (e.type === ACTIVITY_REQUESTED) {
    const p = activityRequestedPayload.safeParse(e.payload);
    if (!p.success) return 'ignored';
    const r = p.data;
    return transact(db, system, async (uow) => {
      await uow.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`perf-src:${committeeId}:${r.sourceRef}`}, 0))`);
      const known = new Set((await uow.tx.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId}
        and id in (select x::uuid from jsonb_array_elements_text(${JSON.stringify(r.memberIds)}::jsonb) x)`)).rows.map((m) => m.id));
      const memberIds = r.memberIds.filter((m) => known.has(m));
      const existing = await activityIdBySource(uow.tx, committeeId, r.sourceRef, true);
      if (existing) {
        const a = await findActivity(uow.tx, committeeId, existing);
        // A closed activity keeps what it recorded; an open one follows the meeting (rescheduled, more invitees).
        if (!a || a.status === 'closed') return 'unchanged';
        await uow.tx.execute(sql`update perf_activities set title = ${r.title}, starts_at = ${r.startsAt}, ends_at = ${r.endsAt ?? null},
          place = ${r.place ?? null}, year = ${yearOf(chinaDate(r.startsAt))} where committee_id = ${committeeId} and id = ${existing}`);
        await invite(uow.tx, committeeId, existing, memberIds);
        return 'updated';
      }
      const id = await insertSourcedActivity(uow.tx, committeeId, {
        type: r.type, title: r.title, startsAt: r.startsAt, endsAt: r.endsAt ?? null, halfDays: 1, year: yearOf(chinaDate(r.startsAt)),
        place: r.place ?? null, organiserKind: 'committee', organiserName: null, openSignUp: false,
        checkInCode: String(crypto.randomInt(0, 1_000_000)).padStart(6, '0'), createdBy: null, sourceRef: r.sourceRef,
      });
      if (!id) return 'unchanged';
      await invite(uow.tx, committeeId, id, memberIds);
      await uow.audit({ committeeId, action: 'activity.created', entity: 'activity', entityId: id, after: { type: r.type, title: r.title, startsAt: r.startsAt, sourceRef: r.sourceRef, invitees: memberIds.length } });
      await uow.emit({ type: 'performance.activity_created', committeeId, entityId: id, payload: { activityId: id, type: r.type, invitees: memberIds.length, sourceRef: r.sourceRef } });
      return 'created';
    });
  }
  if (e.type === ACTIVITY_REPLY) {
    const p = activityReplyPayload.safeParse(e.payload);
    if (!p.success) return 'ignored';
    const r = p.data;
    return transact(db, system, async (uow) => {
      const id = await activityIdBySource(uow.tx, committeeId, r.sourceRef, true);
      if (!id) throw new Error(`activity for ${r.sourceRef} not made yet`);
      const a = await findActivity(uow.tx, committeeId, id);
      if (!a || a.status === 'closed') return 'unchanged';
      const att = await findAttendance(uow.tx, committeeId, id, r.memberId);
      if (!att) return 'ignored';
      let next: 'excused' | 'invited' | null = null;
      if (r.reply === 'leave' && (att.status === 'invited' || att.status === 'signed_up')) next = 'excused';
      if (r.reply === 'attend' && att.status === 'excused' && att.markedBy === 'self') next = 'invited';
      if (!next) return 'unchanged';
      await setAttendance(uow.tx, committeeId, id, r.memberId, { status: next, reason: next === 'excused' ? r.reason ?? null : null, markedBy: 'self' });
      await uow.audit({ committeeId, action: 'attendance.reply', entity: 'activity', entityId: id, before: { memberId: r.memberId, status: att.status }, after: { memberId: r.memberId, status: next, reason: r.reason ?? null, sourceRef: r.sourceRef } });
      await uow.emit({ type: 'performance.attendance_changed', committeeId, entityId: id, payload: { activityId: id, memberId: r.memberId, status: next, by: 'reply' } });
      return 'updated';
    });
  }
  return 'ignored';
}
