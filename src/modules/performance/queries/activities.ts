import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ATTENDANCE_STATUSES, attendanceOf, findActivity, listActivities, type AttendanceRow, type AttendanceStatus } from '../activity.repository.js';
import { checkInWindow } from '../commands/check-in.js';
import { ACTIVITY_TYPES, type ActivityType } from '../domain/kinds.js';
import { PerformanceErrors } from '../performance.errors.js';
import { canOrganise, canOversee, memberIdsOf, type Caller } from '../performance.policy.js';

const typeLabel = (t: ActivityType) => ACTIVITY_TYPES[t].label;

/**
 * One activity as the caller may see it: organisers and overseers see everything (the check-in
 * code only organisers); a member sees activities they are invited to or may sign up for, with
 * their own status and what they may do now. Anything else is 404.
 */
export async function getActivity(db: Executor, caller: Caller, id: string, now: Date = new Date()) {
  const a = await findActivity(db, caller.committeeId, id);
  if (!a) throw new AppError(PerformanceErrors['performance.activity_not_found']);
  const organiser = canOrganise(caller);
  const staffView = organiser || canOversee(caller);
  const attendance = await attendanceOf(db, caller.committeeId, id);
  const me = memberIdsOf(caller)[0];
  const mine: AttendanceRow | undefined = me ? attendance.find((x) => x.memberId === me) : undefined;
  if (!staffView && !mine && !a.openSignUp) throw new AppError(PerformanceErrors['performance.activity_not_found']);
  const w = checkInWindow(a);
  const open = a.status === 'open';
  const status: AttendanceStatus | null = mine?.status ?? null;
  const count = (s: AttendanceStatus) => attendance.filter((x) => x.status === s).length;
  const { checkInCode, ...rest } = a;
  return {
    ...rest,
    typeLabel: typeLabel(a.type),
    checkInCode: organiser ? checkInCode : null,
    checkInWindow: { from: w.from.toISOString(), until: w.until.toISOString() },
    counts: Object.fromEntries(Object.keys(ATTENDANCE_STATUSES).map((s) => [s, count(s as AttendanceStatus)])),
    attendance: staffView ? attendance : null,
    mine: me ? { status, statusLabel: status ? ATTENDANCE_STATUSES[status] : null, reason: mine?.reason ?? null } : null,
    abilities: {
      signUp: !!me && open && (status === null ? a.openSignUp : status === 'invited'),
      checkIn: !!me && open && now >= w.from && now <= w.until && status !== 'attended' && status !== 'absent' && (status !== null || a.openSignUp),
      requestLeave: !!me && open && now <= w.until && (status === 'invited' || status === 'signed_up'),
      markAttendance: organiser,
      close: organiser && open,
      edit: organiser && open,
      cancel: organiser && open && count('attended') === 0,
    },
  };
}

/** Activities of a year: everything for staff and leaders; for a member, those they are invited to or may sign up for. */
export async function listVisibleActivities(db: Executor, caller: Caller, q: { year?: number; type?: string }) {
  const staffView = canOrganise(caller) || canOversee(caller);
  const me = memberIdsOf(caller)[0] ?? null;
  const rows = await listActivities(db, caller.committeeId, { ...q, memberId: staffView ? undefined : me });
  return {
    items: rows.map(({ checkInCode: _code, myStatus, ...r }) => ({
      ...r, typeLabel: typeLabel(r.type), myStatus: me ? myStatus : null, myStatusLabel: me && myStatus ? ATTENDANCE_STATUSES[myStatus] : null,
    })),
  };
}
