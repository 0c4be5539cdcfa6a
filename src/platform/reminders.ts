import type { Executor } from './db/executor.js';
import { daysBetween } from './calendar.js';
import { notify, type Notice } from './notifications.js';

/**
 * Deadline reminders (催办提醒), for every module with deadlines — proposal replies, meeting
 * notices and materials, outcome feedback, rectification items. A reminder is an in-app notice
 * whose dedupe key names the record, the deadline and the step, so a daily job can run twice, miss
 * a day, or see the deadline moved (延期) and still send each step exactly once:
 *
 * - before the deadline: once per threshold of `daysBefore` (e.g. 15 and 7 days), the nearest
 *   threshold reached (a missed day does not lose a reminder);
 * - after it: on the first day overdue, then every `overdueEveryDays`.
 */
export interface ReminderSteps {
  daysBefore: readonly number[];
  overdueEveryDays: number;
}

export interface DeadlineStep {
  key: string;
  overdue: boolean;
  /** Days left (before) or days over (overdue). */
  days: number;
}

/** Which reminder is due on `today` (China dates), as the step's key; null when none. */
export function deadlineStep(today: string, deadline: string, s: ReminderSteps): DeadlineStep | null {
  const left = daysBetween(today, deadline);
  if (left >= 0) {
    const threshold = [...s.daysBefore].sort((a, b) => a - b).find((n) => left <= n);
    return threshold === undefined ? null : { key: `before${threshold}`, overdue: false, days: left };
  }
  const over = -left;
  return { key: `overdue${Math.floor((over - 1) / s.overdueEveryDays)}`, overdue: true, days: over };
}

/**
 * Sends the step due today for one deadline, once: `key` names what the deadline belongs to (e.g.
 * `proposal-deadline:<assignment id>`); the notice's text comes from the step. Returns the notices
 * written (0 when no step is due or it was sent before).
 */
export async function remindDeadline(
  db: Executor,
  r: { today: string; deadline: string; steps: ReminderSteps; key: string; notice: (step: DeadlineStep) => Omit<Notice, 'dedupeKey'> },
): Promise<number> {
  const step = deadlineStep(r.today, r.deadline, r.steps);
  if (!step) return 0;
  return notify(db, { ...r.notice(step), dedupeKey: `${r.key}:${r.deadline}:${step.key}` });
}
