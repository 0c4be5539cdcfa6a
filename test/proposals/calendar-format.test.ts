import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, calendarOf, isWorkingDay } from '../../src/platform/calendar.js';
import { chinaDate } from '../../src/platform/time.js';
import { checkFormat } from '../../src/modules/proposals/domain/format-check.js';
import { NATIONAL_REJECT_REASONS, parseSettings, proposalSettingsPatch } from '../../src/modules/proposals/domain/settings.js';
import { BODY, TITLE } from './support.js';

describe('deadlines and working days', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-03-10', 3)).toBe('2025-06-10');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 6)).toBe('2025-07-31');
  });

  it('counts working days Monday to Friday, the day of assignment not counted', () => {
    // 2025-03-07 is a Friday: five working days end on Friday 03-14.
    expect(addWorkingDays('2025-03-07', 5)).toBe('2025-03-14');
    // Monday 03-10 + 5 → Monday 03-17.
    expect(addWorkingDays('2025-03-10', 5)).toBe('2025-03-17');
    // Saturday 03-08 + 1 → Monday 03-10.
    expect(addWorkingDays('2025-03-08', 1)).toBe('2025-03-10');
    expect(isWorkingDay('2025-03-09')).toBe(false);
  });

  it('skips configured holidays and counts adjusted working weekend days (调休)', () => {
    // 劳动节 2025: 05-01..05-05 off, Sunday 04-27 worked.
    const cal = calendarOf({ holidays: ['2025-05-01', '2025-05-02', '2025-05-05'], extraWorkdays: ['2025-04-27'] });
    expect(addWorkingDays('2025-04-29', 5, cal)).toBe('2025-05-09'); // 04-30, 05-06, 05-07, 05-08, 05-09
    expect(addWorkingDays('2025-04-25', 1, cal)).toBe('2025-04-27');
    expect(isWorkingDay('2025-05-02', cal)).toBe(false);
  });

  it('takes today in China time', () => {
    expect(chinaDate(new Date('2025-03-09T17:00:00Z'))).toBe('2025-03-10');
    expect(chinaDate(new Date('2025-03-09T15:59:00Z'))).toBe('2025-03-09');
  });
});

describe('format pre-check', () => {
  const s = parseSettings({});
  it('accepts a well-formed proposal with only the research warning', () => {
    const r = checkFormat({ title: TITLE, body: BODY }, s);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['no_research_basis']);
    expect(checkFormat({ title: TITLE, body: BODY, researchBasis: '2025年3月赴通渭县调研' }, s).warnings).toEqual([]);
    expect(checkFormat({ title: TITLE, body: BODY, attachments: 1 }, s).warnings).toEqual([]); // an attached report is a research basis too
  });

  it('blocks titles and bodies over the limits and warns about form', () => {
    const r = checkFormat({ title: '关于' + '农'.repeat(40) + '的建议', body: '建议'.repeat(800), researchBasis: 'x' }, s);
    expect(r.errors.map((e) => e.code)).toEqual(['title_too_long', 'body_too_long']);
    const w = checkFormat({ title: '农村饮水、教育和养老', body: '我们认为应该做得更好一些，这件事情很重要很重要很重要很重要很重要很重要很重要很重要。', researchBasis: 'x' }, s);
    expect(w.warnings.map((x) => x.code)).toEqual(['title_pattern', 'missing_situation', 'missing_analysis', 'missing_suggestions', 'several_matters']);
  });

  it('uses the committee limits', () => {
    const strict = parseSettings({ titleMaxChars: 20, bodyMaxChars: 200 });
    expect(checkFormat({ title: TITLE, body: BODY }, strict).errors.map((e) => e.code)).toEqual([]);
    expect(checkFormat({ title: '关于进一步加强和改进全市农村饮水安全工作的建议', body: BODY }, strict).errors.map((e) => e.code)).toEqual(['title_too_long']);
  });
});

describe('settings', () => {
  it('defaults to the national rules and keeps valid stored keys', () => {
    const s = parseSettings({ deadlineMonths: 2, objectionWorkingDays: 'ten' });
    expect(s.deadlineMonths).toBe(2);
    expect(s.objectionWorkingDays).toBe(5);
    expect(s.rejectReasons).toHaveLength(10);
    expect(s.rejectReasons.map((r) => r.code)).toEqual(NATIONAL_REJECT_REASONS.map((r) => r.code));
    expect(s.categories).toEqual(['经济', '城建环资', '教科文卫体', '社会法制', '农业农村', '其他']);
  });

  it('a patch carries only what it names', () => {
    expect(proposalSettingsPatch.parse({ deadlineMonths: 4 })).toEqual({ deadlineMonths: 4 });
    expect(proposalSettingsPatch.safeParse({ deadlineMonths: 0 }).success).toBe(false);
  });
});
