import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { ActivityType, OrganiserKind } from './domain/kinds.js';

/** SQL only: activities and attendance. The first argument after the executor is always the committee. */

export const ATTENDANCE_STATUSES = { invited: '已邀请', signed_up: '已报名', attended: '已签到', excused: '已请假', absent: '缺席' } as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;

export type ActivityRow = {
  id: string;
  type: ActivityType;
  title: string;
  startsAt: string;
  endsAt: string | null;
  halfDays: number;
  year: number;
  place: string | null;
  organiserKind: OrganiserKind;
  organiserName: string | null;
  openSignUp: boolean;
  checkInCode: string;
  status: 'open' | 'closed' | 'cancelled';
  createdAt: string;
  closedAt: string | null;
};

export type AttendanceRow = {
  memberId: string;
  name: string;
  invited: boolean;
  status: AttendanceStatus;
  reason: string | null;
  checkedInAt: string | null;
  markedBy: string | null;
};

const cols = sql`id, type, title, starts_at as "startsAt", ends_at as "endsAt", half_days as "halfDays", year, place,
  organiser_kind as "organiserKind", organiser_name as "organiserName", open_sign_up as "openSignUp", check_in_code as "checkInCode",
  status, created_at as "createdAt", closed_at as "closedAt"`;

export type NewActivity = Omit<ActivityRow, 'id' | 'status' | 'createdAt' | 'closedAt'> & { createdBy: string | null };

export async function insertActivity(db: Executor, committeeId: string, a: NewActivity): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into perf_activities (committee_id, type, title, starts_at, ends_at, half_days, year, place, organiser_kind, organiser_name,
                                 open_sign_up, check_in_code, created_by)
    values (${committeeId}, ${a.type}, ${a.title}, ${a.startsAt}, ${a.endsAt}, ${a.halfDays}, ${a.year}, ${a.place}, ${a.organiserKind},
            ${a.organiserName}, ${a.openSignUp}, ${a.checkInCode}, ${a.createdBy})
    returning id`);
  return rows[0].id;
}

export async function findActivity(db: Executor, committeeId: string, id: string, opts: { lock?: boolean } = {}): Promise<ActivityRow | undefined> {
  const { rows } = await db.execute<ActivityRow>(sql`select ${cols} from perf_activities where committee_id = ${committeeId} and id = ${id}
    ${opts.lock ? sql`for update` : sql``}`);
  return rows[0];
}

export async function updateActivityRow(
  db: Executor, committeeId: string, id: string, a: Pick<ActivityRow, 'title' | 'startsAt' | 'endsAt' | 'halfDays' | 'place' | 'year'>,
) {
  await db.execute(sql`update perf_activities set title = ${a.title}, starts_at = ${a.startsAt}, ends_at = ${a.endsAt}, half_days = ${a.halfDays},
      place = ${a.place}, year = ${a.year} where committee_id = ${committeeId} and id = ${id}`);
}

export async function cancelActivityRow(db: Executor, committeeId: string, id: string) {
  await db.execute(sql`update perf_activities set status = 'cancelled', closed_at = now() where committee_id = ${committeeId} and id = ${id}`);
}

export async function closeActivityRow(db: Executor, committeeId: string, id: string) {
  await db.execute(sql`update perf_activities set status = 'closed', closed_at = now() where committee_id = ${committeeId} and id = ${id}`);
}

/** Activities of a year; with `memberId`, only those the member is invited to, has joined, or may sign up for. */
export async function listActivities(db: Executor, committeeId: string, f: { year?: number; type?: string; memberId?: string | null }) {
  const { rows } = await db.execute<ActivityRow & { myStatus: AttendanceStatus | null; invitees: number; attended: number }>(sql`
    select ${cols},
      (select a.status from perf_attendance a where a.committee_id = x.committee_id and a.activity_id = x.id and a.member_id = ${f.memberId ?? null}) as "myStatus",
      (select count(*)::int from perf_attendance a where a.committee_id = x.committee_id and a.activity_id = x.id) as invitees,
      (select count(*)::int from perf_attendance a where a.committee_id = x.committee_id and a.activity_id = x.id and a.status = 'attended') as attended
    from perf_activities x
    where x.committee_id = ${committeeId}
      ${f.year ? sql`and x.year = ${f.year}` : sql``}
      ${f.type ? sql`and x.type = ${f.type}` : sql``}
      ${f.memberId !== undefined ? sql`and (x.open_sign_up or exists (select 1 from perf_attendance a where a.committee_id = x.committee_id
          and a.activity_id = x.id and a.member_id = ${f.memberId}))` : sql``}
    order by x.starts_at desc, x.id`);
  return rows;
}

export async function attendanceOf(db: Executor, committeeId: string, activityId: string): Promise<AttendanceRow[]> {
  const { rows } = await db.execute<AttendanceRow>(sql`
    select a.member_id as "memberId", m.name, a.invited, a.status, a.reason, a.checked_in_at as "checkedInAt", a.marked_by as "markedBy"
    from perf_attendance a join members m on m.committee_id = a.committee_id and m.id = a.member_id
    where a.committee_id = ${committeeId} and a.activity_id = ${activityId}
    order by m.name_pinyin, m.id`);
  return rows;
}

export async function findAttendance(db: Executor, committeeId: string, activityId: string, memberId: string): Promise<AttendanceRow | undefined> {
  const { rows } = await db.execute<AttendanceRow>(sql`
    select a.member_id as "memberId", m.name, a.invited, a.status, a.reason, a.checked_in_at as "checkedInAt", a.marked_by as "markedBy"
    from perf_attendance a join members m on m.committee_id = a.committee_id and m.id = a.member_id
    where a.committee_id = ${committeeId} and a.activity_id = ${activityId} and a.member_id = ${memberId} for update of a`);
  return rows[0];
}

export async function invite(db: Executor, committeeId: string, activityId: string, memberIds: string[]) {
  if (!memberIds.length) return;
  await db.execute(sql`
    insert into perf_attendance (committee_id, activity_id, member_id, invited, status)
    select ${committeeId}, ${activityId}, x::uuid, true, 'invited' from jsonb_array_elements_text(${JSON.stringify(memberIds)}::jsonb) x
    on conflict (committee_id, activity_id, member_id) do nothing`);
}

/** Sets one member's attendance (creating the row for a member who was not invited). */
export async function setAttendance(
  db: Executor, committeeId: string, activityId: string, memberId: string,
  p: { status: AttendanceStatus; reason?: string | null; checkedIn?: boolean; markedBy: 'self' | 'staff' | 'close' },
) {
  await db.execute(sql`
    insert into perf_attendance (committee_id, activity_id, member_id, invited, status, reason, checked_in_at, marked_by)
    values (${committeeId}, ${activityId}, ${memberId}, false, ${p.status}, ${p.reason ?? null}, ${p.checkedIn ? sql`now()` : null}, ${p.markedBy})
    on conflict (committee_id, activity_id, member_id) do update set status = excluded.status, reason = excluded.reason,
      checked_in_at = case when excluded.status = 'attended' then coalesce(perf_attendance.checked_in_at, excluded.checked_in_at) else null end,
      marked_by = excluded.marked_by, updated_at = now()`);
}

/** Members still invited or signed up (neither checked in nor excused): at close they become absent. */
export async function unanswered(db: Executor, committeeId: string, activityId: string): Promise<string[]> {
  const { rows } = await db.execute<{ memberId: string }>(sql`select member_id as "memberId" from perf_attendance
    where committee_id = ${committeeId} and activity_id = ${activityId} and status in ('invited', 'signed_up') order by member_id`);
  return rows.map((r) => r.memberId);
}

/**
 * An activity another module asked for (its `sourceRef`, unique in the committee): inserted once;
 * null when the source already has its activity (a second delivery of the request).
 */
export async function insertSourcedActivity(db: Executor, committeeId: string, a: NewActivity & { sourceRef: string }): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into perf_activities (committee_id, type, title, starts_at, ends_at, half_days, year, place, organiser_kind, organiser_name,
                                 open_sign_up, check_in_code, created_by, source_ref)
    values (${committeeId}, ${a.type}, ${a.title}, ${a.startsAt}, ${a.endsAt}, ${a.halfDays}, ${a.year}, ${a.place}, ${a.organiserKind},
            ${a.organiserName}, ${a.openSignUp}, ${a.checkInCode}, ${a.createdBy}, ${a.sourceRef})
    on conflict (committee_id, source_ref) do nothing
    returning id`);
  return rows[0]?.id ?? null;
}

export async function activityIdBySource(db: Executor, committeeId: string, sourceRef: string, lock = false): Promise<string | undefined> {
  const { rows } = await db.execute<{ id: string }>(sql`select id from perf_activities where committee_id = ${committeeId} and source_ref = ${sourceRef}
    ${lock ? sql`for update` : sql``}`);
  return rows[0]?.id;
}
