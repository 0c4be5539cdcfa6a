import { z } from 'zod';

/**
 * Zod helpers for the fields every module has: calendar dates, links. Pure zod (no server
 * imports), so the contracts that use them stay importable by the web client.
 *
 * The server also refuses NUL bytes and lone UTF-16 surrogates in every string of every route
 * (platform/http/input.ts); these helpers cover what a generic walk cannot know: that a string is
 * a date, and which dates make sense.
 */

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD string naming a day that exists (2026-02-30 does not; 2024-02-29 does). */
export function isCalendarDate(v: string): boolean {
  const m = YMD.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/**
 * A calendar date `YYYY-MM-DD` that exists, with a year in [minYear, maxYear] (default 1900–2100:
 * no committee record predates the founding of the CPPCC by much, and PostgreSQL's `date` would
 * take year 0 as 1 BC).
 *
 * @example
 * const input = z.object({ occurredOn: calendarDate(), birthDate: calendarDate({ minYear: 1900 }).nullish() });
 */
export function calendarDate(opts: { minYear?: number; maxYear?: number } = {}) {
  const min = opts.minYear ?? 1900;
  const max = opts.maxYear ?? 2100;
  return z.string().check((ctx) => {
    const v = ctx.value;
    if (!YMD.test(v)) {
      ctx.issues.push({ code: 'custom', input: v, message: '日期格式应为 YYYY-MM-DD', params: { xs: 'date_format' } });
      return;
    }
    if (!isCalendarDate(v)) {
      ctx.issues.push({ code: 'custom', input: v, message: `${v} 不是有效的日期`, params: { xs: 'date_invalid', value: v } });
      return;
    }
    const y = Number(v.slice(0, 4));
    if (y < min || y > max) ctx.issues.push({ code: 'custom', input: v, message: `年份应在 ${min}–${max} 之间`, params: { xs: 'date_range', min, max } });
    // Said in the JSON schema too, so the route's body cap (platform/http/body-limit.ts) counts it.
  }).meta({ maxLength: 10 });
}

/**
 * An ISO date-time with an offset, whose year is within 1900–2100 (zod's own check accepts year 0
 * and 9999, which PostgreSQL stores but nobody means).
 */
export function boundedDateTime(opts: { minYear?: number; maxYear?: number } = {}) {
  const min = opts.minYear ?? 1900;
  const max = opts.maxYear ?? 2100;
  return z.iso.datetime({ offset: true }).check((ctx) => {
    const y = new Date(ctx.value).getUTCFullYear();
    if (!(y >= min && y <= max)) ctx.issues.push({ code: 'custom', input: ctx.value, message: `年份应在 ${min}–${max} 之间`, params: { xs: 'date_range', min, max } });
  });
}

/**
 * A web link a person may click: http or https only. `javascript:`, `data:`, `file:` and the
 * like would run or open something other than a page when an office clicks the evidence link.
 */
export function httpUrl(max = 1000) {
  return z.string().trim().max(max).check((ctx) => {
    let ok = false;
    try {
      const u = new URL(ctx.value);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
    } catch {
      ok = false;
    }
    if (!ok) ctx.issues.push({ code: 'custom', input: ctx.value, message: '链接须以 http:// 或 https:// 开头', params: { xs: 'url_scheme' } });
  });
}

/** English wording of the helpers' custom issues (the server words errors in the caller's language). */
export function englishOf(params: Record<string, unknown> | undefined): string | undefined {
  switch (params?.xs) {
    case 'date_format': return 'a date must look like YYYY-MM-DD';
    case 'date_invalid': return `${String(params.value ?? 'the value')} is not a date that exists`;
    case 'date_range': return `the year must be between ${params.min} and ${params.max}`;
    case 'url_scheme': return 'a link must start with http:// or https://';
    default: return undefined;
  }
}
