import type { Db } from '../../platform/db/database.js';
import type { JobDef } from '../../platform/jobs.js';
import { notify } from '../../platform/notifications.js';
import { sql } from 'drizzle-orm';
import { addDays, daysBetween } from '../../platform/calendar.js';
import { remindDeadline, type ReminderSteps } from '../../platform/reminders.js';
import { chinaDate } from '../../platform/time.js';
import { parseSettings, type ProposalSettings } from './domain/settings.js';
import { ratingKey } from './reminders.notices.js';
import { awaitingRating, clerkUsers, dueAssignments, memberUsers, officeBacklog, officeUsers } from './reminders.repository.js';

/**
 * The daily reminders (催办提醒), as in-app notifications. Each reminder has a dedupe key, so a
 * second run on the same day — or a run on a later day within the same step — sends nothing:
 *
 * - to the clerks of a unit before its reply deadline: once per threshold of
 *   `reminderDaysBefore` (default 15 and 7 days), the nearest threshold reached; a missed day
 *   does not lose a reminder, and a changed deadline (延期, 重新办理) starts the steps anew;
 * - after the deadline: on the first day overdue and then every `reminderOverdueEveryDays` (7);
 * - to each proposer and co-signer whose rating of a released reply is awaited: on release (the
 *   move's own notice) and then every `reminderRatingEveryDays` (7);
 * - to the proposal office, once a day: objections pending and proposals past a deadline.
 */

/** The committee's reminder steps (settings) in the platform's terms. */
export const stepsOf = (s: Pick<ProposalSettings, 'reminderDaysBefore' | 'reminderOverdueEveryDays'>): ReminderSteps => ({ daysBefore: s.reminderDaysBefore, overdueEveryDays: s.reminderOverdueEveryDays });

export interface ReminderCounts {
  deadline: number;
  rating: number;
  office: number;
}

async function settingsOf(db: Db, committeeIds: readonly string[]): Promise<Map<string, ProposalSettings>> {
  if (!committeeIds.length) return new Map();
  const { rows } = await db.execute<{ id: string; s: unknown }>(sql`select id, settings -> 'proposals' as s from committees
    where id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(committeeIds)])}::jsonb)::uuid)`);
  return new Map(rows.map((r) => [r.id, parseSettings(r.s)]));
}

const label = (r: { numberLabel: string | null; title: string }) => (r.numberLabel ? `${r.numberLabel}提案“${r.title}”` : `提案“${r.title}”`);

/** One run of the reminders as of `today` (China date), for every committee or one. Returns how many notifications were written. */
export async function sendReminders(db: Db, today: string = chinaDate(), opts: { committeeId?: string } = {}): Promise<ReminderCounts> {
  const counts: ReminderCounts = { deadline: 0, rating: 0, office: 0 };

  const due = await dueAssignments(db, addDays(today, 90), opts.committeeId);
  const ratings = await awaitingRating(db, opts.committeeId);
  const backlog = await officeBacklog(db, today, opts.committeeId);
  const settings = await settingsOf(db, [...due.map((d) => d.committeeId), ...ratings.map((r) => r.committeeId), ...backlog.map((b) => b.committeeId)]);

  const clerksByCommittee = new Map<string, Map<string, string[]>>();
  for (const [committeeId] of settings) {
    const unitIds = [...new Set(due.filter((d) => d.committeeId === committeeId).map((d) => d.unitId))];
    const byUnit = new Map<string, string[]>();
    for (const c of await clerkUsers(db, committeeId, unitIds)) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c.userId]);
    clerksByCommittee.set(committeeId, byUnit);
  }
  for (const d of due) {
    counts.deadline += await remindDeadline(db, {
      today, deadline: d.deadline, steps: stepsOf(settings.get(d.committeeId)!), key: `proposal-deadline:${d.assignmentId}`,
      notice: (step) => ({
        committeeId: d.committeeId, userIds: clerksByCommittee.get(d.committeeId)?.get(d.unitId) ?? [],
        kind: step.overdue ? 'proposal.overdue' : 'proposal.deadline_soon',
        title: step.overdue
          ? `${label(d)}已超过答复期限 ${step.days} 天（期限 ${d.deadline}）`
          : step.days === 0 ? `${label(d)}今天到达答复期限` : `${label(d)}距答复期限还有 ${step.days} 天（${d.deadline}）`,
        link: `/proposals/${d.proposalId}`, entity: 'proposal', entityId: d.proposalId,
      }),
    });
  }

  for (const committeeId of new Set(ratings.map((r) => r.committeeId))) {
    const mine = ratings.filter((r) => r.committeeId === committeeId);
    const users = await memberUsers(db, committeeId, [...new Set(mine.map((r) => r.memberId))]);
    const every = settings.get(committeeId)!.reminderRatingEveryDays;
    for (const r of mine) {
      const week = Math.max(0, Math.floor(daysBetween(r.releasedOn, today) / every));
      for (const u of users.filter((x) => x.memberId === r.memberId)) {
        counts.rating += await notify(db, {
          committeeId, userIds: [u.userId], kind: 'proposal.rating_awaited', title: `${label(r)}的答复等待您的评价`,
          link: `/proposals/${r.proposalId}`, entity: 'proposal', entityId: r.proposalId, dedupeKey: ratingKey(r.proposalId, r.round, r.memberId, week),
        });
      }
    }
  }

  for (const b of backlog) {
    const parts = [b.objected ? `${b.objected} 件提案承办单位有异议待处理` : '', b.overdue ? `${b.overdue} 件提案已超过答复期限` : ''].filter(Boolean);
    counts.office += await notify(db, {
      committeeId: b.committeeId, userIds: await officeUsers(db, b.committeeId), kind: 'proposal.office_digest',
      title: `提案办理提醒：${parts.join('；')}`, link: b.objected ? '/proposals?state=objected' : '/proposals?state=assigned,handling,countersigning',
      dedupeKey: `proposal-office:${b.committeeId}:${today}`,
    });
  }
  return counts;
}

/** The daily job (src/platform/jobs.ts: one instance runs each tick; the dedupe keys make reruns harmless). */
export const reminderJob: JobDef = {
  name: 'proposals.reminders',
  cron: '0 8 * * *', // 08:00 China time, the start of the office day
  async run(db) {
    const c = await sendReminders(db);
    return `deadline ${c.deadline}, rating ${c.rating}, office ${c.office}`;
  },
};
