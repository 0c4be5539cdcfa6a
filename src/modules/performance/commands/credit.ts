import { sql } from 'drizzle-orm';
import type { UnitOfWork } from '../../../platform/db/unit-of-work.js';
import type { AttendanceStatus, ActivityRow } from '../activity.repository.js';
import { chinaDate } from '../../../platform/time.js';
import { ACTIVITY_TYPES } from '../domain/kinds.js';
import { findBySource, insertRecord, setRecordStatus, voidBySource, type NewRecord } from '../record.repository.js';

/**
 * Automatic duty records: made by the system from what happened (an attendance, an event of
 * another module), verified at birth, unique per source — so making one twice does nothing —
 * and void when the source is revoked. Each creation and revocation is audited.
 */
export type AutomaticRecord = Omit<NewRecord, 'source' | 'status' | 'submittedBy'> & { sourceType: string; sourceRef: string };

/** Makes the record unless its source already has one; a void one is revived when `revive`. */
export async function recordAutomatically(uow: UnitOfWork, committeeId: string, r: AutomaticRecord, opts: { revive?: boolean } = {}) {
  // Members of another committee (or unknown ids) are never credited here.
  const { rows } = await uow.tx.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId}
    and id in (select jsonb_array_elements_text(${JSON.stringify(r.members.map((m) => m.memberId))}::jsonb)::uuid)`);
  const known = new Set(rows.map((x) => x.id));
  const members = r.members.filter((m) => known.has(m.memberId));
  if (!members.length) return { id: null, created: false };
  const res = await insertRecord(uow.tx, committeeId, { ...r, members, source: 'automatic', status: 'verified' });
  if (res.created) {
    await uow.audit({
      committeeId, action: 'duty_record.recorded', entity: 'duty_record', entityId: res.id,
      after: { kind: r.kind, occurredOn: r.occurredOn, source: `${r.sourceType}:${r.sourceRef}`, members },
    });
  } else if (opts.revive) {
    const existing = await findBySource(uow.tx, committeeId, r.sourceType, r.sourceRef);
    if (existing?.status === 'void') {
      await setRecordStatus(uow.tx, committeeId, existing.id, { status: 'verified', decision: 'kept', span: 'open' });
      await uow.audit({ committeeId, action: 'duty_record.revived', entity: 'duty_record', entityId: existing.id, before: { status: 'void' }, after: { status: 'verified' } });
    }
  }
  return res;
}

/** Voids the automatic records of a source (all of `sourceTypes` with this ref). */
export async function revokeAutomatic(uow: UnitOfWork, committeeId: string, sourceTypes: string[], sourceRef: string, why: string) {
  const ids = await voidBySource(uow.tx, committeeId, sourceTypes, sourceRef);
  for (const id of ids) {
    await uow.audit({ committeeId, action: 'duty_record.voided', entity: 'duty_record', entityId: id, before: { status: 'verified' }, after: { status: 'void', why } });
  }
  return ids.length;
}

export const ATTENDED = 'activity.attended';
export const ABSENT = 'activity.absent';

/**
 * Keeps a member's automatic records in line with their attendance: attended → the activity's
 * record (units = its half-days); unexcused absence from a meeting → the deduction record;
 * anything else → neither.
 */
export async function creditAttendance(uow: UnitOfWork, committeeId: string, a: ActivityRow, memberId: string, status: AttendanceStatus) {
  const ref = `${a.id}:${memberId}`;
  const type = ACTIVITY_TYPES[a.type];
  const base = { occurredOn: chinaDate(a.startsAt), title: a.title, members: [{ memberId, role: null }], sourceRef: ref };
  if (status === 'attended') {
    await recordAutomatically(uow, committeeId, { ...base, kind: type.kind, units: a.halfDays, sourceType: ATTENDED }, { revive: true });
  } else {
    await revokeAutomatic(uow, committeeId, [ATTENDED], ref, `attendance: ${status}`);
  }
  if (status === 'absent' && type.absence) {
    await recordAutomatically(uow, committeeId, { ...base, kind: type.absence, title: `${a.title}（无故缺席）`, sourceType: ABSENT }, { revive: true });
  } else {
    await revokeAutomatic(uow, committeeId, [ABSENT], ref, `attendance: ${status}`);
  }
}
