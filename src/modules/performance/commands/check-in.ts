import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import type { ActivityRow } from '../activity.repository.js';
import { checkInInput } from '../contracts.js';
import { chinaDate, chinaDateTime, chinaDayEnd } from '../../../platform/time.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { invalidChange, memberMove } from './attendance-move.js';

const EARLY_MS = 2 * 3600 * 1000;

/** Check-in opens two hours before the start and closes at the end of the activity's last day (China time). */
export function checkInWindow(a: Pick<ActivityRow, 'startsAt' | 'endsAt'>): { from: Date; until: Date } {
  const from = new Date(new Date(a.startsAt).getTime() - EARLY_MS);
  const until = chinaDayEnd(chinaDate(a.endsAt ?? a.startsAt));
  return { from, until };
}

const fmt = chinaDateTime;

/**
 * 签到 on the phone: the member types the activity's code. An invited member, one who signed
 * up, or — for activities open to sign-up — anyone; a member on leave who comes anyway may check
 * in; one marked absent by staff may not (staff correct that). Checking in twice is harmless.
 */
export async function checkIn(db: Db, caller: Caller, activityId: string, raw: { code: string }, now: Date = new Date()) {
  const { code } = checkInInput.parse(raw);
  return memberMove(db, caller, activityId, 'check_in', ({ activity, attendance }) => {
    if (code !== activity.checkInCode) throw new AppError(PerformanceErrors['performance.wrong_code']);
    const w = checkInWindow(activity);
    if (now < w.from || now > w.until) throw new AppError(PerformanceErrors['performance.check_in_not_open'], { from: fmt(w.from), until: fmt(w.until) });
    if (attendance?.status === 'attended') return null;
    if (attendance?.status === 'absent') throw invalidChange('absent', 'check_in');
    return { status: 'attended', reason: null };
  });
}
