/**
 * The working-day calendar (工作日): deadlines in months, windows in working days (Monday–Friday,
 * minus the committee's holidays, plus its adjusted working weekend days 调休上班). Dates are
 * China calendar dates 'YYYY-MM-DD' (platform/time.ts). Every module with deadlines — proposal
 * objection windows, meeting notices, feedback, rectification — counts with these.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

export const WEEKDAYS_ONLY: WorkCalendar = { holidays: new Set(), extraWorkdays: new Set() };

export function calendarOf(s: { holidays: readonly string[]; extraWorkdays: readonly string[] }): WorkCalendar {
  return { holidays: new Set(s.holidays), extraWorkdays: new Set(s.extraWorkdays) };
}

const parse = (d: string): Date => new Date(d + 'T00:00:00Z');
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
}

/** Same day n months later; the month's last day when it has no such day (01-31 + 1 → 02-28). */
export function addMonths(date: string, n: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return fmt(target);
}

export function isWorkingDay(date: string, cal: WorkCalendar = WEEKDAYS_ONLY): boolean {
  if (cal.extraWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const wd = parse(date).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The n-th working day after `date` (the day itself not counted); n < 0 counts back (n working days before). */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar = WEEKDAYS_ONLY): string {
  const step = n < 0 ? -1 : 1;
  let d = date;
  let left = Math.abs(n);
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / 86400000);
}
