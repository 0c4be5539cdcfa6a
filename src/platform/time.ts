/**
 * China time, once. Instants are stored in UTC (timestamptz); every date a person reads or a rule
 * counts in — a deadline, "this year", a check-in window, a file name, an export cell — is China
 * time (UTC+8, no daylight saving since 1991). Web pages format with the same zone
 * (web/src/ui/format.ts); SQL groups with `at time zone 'Asia/Shanghai'` (CHINA_TZ).
 */
export const CHINA_TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600 * 1000;

const shifted = (at: Date | string | number) => new Date(new Date(at).getTime() + OFFSET_MS);

/** The calendar date in China of an instant: 'YYYY-MM-DD'. A bare date is returned as it is. */
export function chinaDate(at: Date | string | number = new Date()): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  return shifted(at).toISOString().slice(0, 10);
}

/** The year in China of an instant. */
export const chinaYear = (at: Date | string | number = new Date()): number => Number(chinaDate(at).slice(0, 4));

/** The year of a 'YYYY-MM-DD' date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** An instant as China wall-clock time: 'YYYY-MM-DD HH:mm'. */
export function chinaDateTime(at: Date | string | number): string {
  return shifted(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** A China date as it is written in letters and reports: 2026-03-12 → 2026年3月12日. */
export function chineseDate(at: Date | string): string {
  const [y, m, d] = chinaDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The instant a China date starts (00:00 at UTC+8), or a given hour of it. */
export function chinaInstant(date: string, time = '00:00:00'): Date {
  return new Date(`${date}T${time}+08:00`);
}

/** The last instant of a China date (23:59:59.999 at UTC+8). */
export const chinaDayEnd = (date: string): Date => chinaInstant(date, '23:59:59.999');
