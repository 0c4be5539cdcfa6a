import type { Db } from '../../platform/db/database.js';
import type { JobDef } from '../../platform/jobs.js';
import { remindDeadline } from '../../platform/reminders.js';
import { chinaDate } from '../../platform/time.js';
import { outcomeLabel } from './commands/outcomes.js';
import { readSettings } from './consultation.repository.js';
import { parseConsultationSettings } from './domain/settings.js';
import { clerkUsersOf, pendingReferrals } from './outcomes.repository.js';

/**
 * 反馈催办: the clerks of a unit an outcome document was referred to are reminded before the
 * feedback deadline (settings `feedbackReminderDays`, default 7 and 3 days) and after it (every
 * `feedbackOverdueEveryDays`, 7). Dedupe keys name the referral, the deadline and the step, so a
 * second run, a missed day or a moved deadline never sends a step twice or loses one.
 */
export async function sendFeedbackReminders(db: Db, today = chinaDate()): Promise<number> {
  const due = await pendingReferrals(db);
  let sent = 0;
  const settings = new Map<string, ReturnType<typeof parseConsultationSettings>>();
  for (const r of due) {
    if (!settings.has(r.committeeId)) settings.set(r.committeeId, parseConsultationSettings(await readSettings(db, r.committeeId)));
    const s = settings.get(r.committeeId)!;
    const clerks = (await clerkUsersOf(db, r.committeeId, [r.unitId])).map((c) => c.userId);
    sent += await remindDeadline(db, {
      today, deadline: r.deadline, steps: { daysBefore: s.feedbackReminderDays, overdueEveryDays: s.feedbackOverdueEveryDays },
      key: `consultation-feedback:${r.id}`,
      notice: (step) => ({
        committeeId: r.committeeId, userIds: clerks, kind: step.overdue ? 'consultation.feedback_overdue' : 'consultation.feedback_due',
        title: step.overdue
          ? `${outcomeLabel(r)}《${r.title}》书面反馈已超期 ${step.days} 天（期限 ${r.deadline}）`
          : step.days === 0 ? `${outcomeLabel(r)}《${r.title}》今天到达反馈期限` : `${outcomeLabel(r)}《${r.title}》距反馈期限还有 ${step.days} 天（${r.deadline}）`,
        link: `/consultation/outcomes/${r.outcomeId}`, entity: 'consultation_outcome', entityId: r.outcomeId,
      }),
    });
  }
  return sent;
}

export const feedbackReminderJob: JobDef = {
  name: 'consultation.feedback_reminders',
  cron: '10 8 * * *',
  run: async (db) => `${await sendFeedbackReminders(db)} reminders`,
};
