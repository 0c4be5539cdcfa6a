import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarOf } from '../src/platform/calendar.js';
import { chinaDate, chinaDateTime, chinaDayEnd, chinaInstant, chinaYear, chineseDate } from '../src/platform/time.js';

/** China time (UTC+8) around the UTC day boundary, where a UTC slice shows the wrong day and hour. */
describe('platform/time', () => {
  const lateEvening = '2026-03-11T18:04:00.000Z'; // 02:04 on 12 March in China
  it('gives the China date, year and wall-clock time of an instant', () => {
    expect(chinaDate(lateEvening)).toBe('2026-03-12');
    expect(chinaDateTime(lateEvening)).toBe('2026-03-12 02:04');
    expect(chineseDate(lateEvening)).toBe('2026年3月12日');
    expect(chinaYear('2025-12-31T16:30:00Z')).toBe(2026);
    expect(chinaDate('2026-02-28')).toBe('2026-02-28');
  });
  it('turns China dates back into instants', () => {
    expect(chinaInstant('2026-03-12').toISOString()).toBe('2026-03-11T16:00:00.000Z');
    expect(chinaDayEnd('2026-03-12').toISOString()).toBe('2026-03-12T15:59:59.999Z');
  });
});

describe('platform/calendar', () => {
  const cal = calendarOf({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], extraWorkdays: ['2026-10-10'] });
  it('counts working days forward and back, skipping weekends and holidays, counting 调休 Saturdays', () => {
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-06');
    expect(addWorkingDays('2026-10-09', 1, cal)).toBe('2026-10-10');
    // A notice 15 working days before a meeting on Friday 30 October.
    expect(addWorkingDays('2026-10-30', -15, cal)).toBe('2026-10-10'); // the 调休 Saturday is the 15th working day back
  });
});
