import { z } from 'zod';

/**
 * Per-committee configuration of consultation work, under `consultation` in committees.settings.
 * Forms (协商形式) are the committee's own list; these are the usual ones (DOMAIN.md §5), and
 * 有事好商量 is the grassroots form the liaison work uses.
 */
export const DEFAULT_FORMS = [
  '全体会议', '常委会议专题议政', '专题协商会', '双月协商座谈会', '对口协商', '界别协商', '提案办理协商', '网络议政/远程协商', '有事好商量',
] as const;

const forms = z.array(z.string().trim().min(2).max(30)).min(1).max(30)
  .refine((f) => new Set(f).size === f.length, { message: '协商形式不能重复 / forms must be distinct' });

const workingDays = z.number().int().min(0).max(60);
const steps = z.array(z.number().int().min(0).max(90)).max(5);

export const consultationSettingsSchema = z.object({
  forms: forms.default([...DEFAULT_FORMS]),
  /** Working days before a meeting by which the notice goes out (one city's rule: 15). */
  noticeWorkingDays: workingDays.default(15),
  /** Working days before a meeting by which the materials are sent (10). */
  materialsWorkingDays: workingDays.default(10),
  /** Working days after a meeting within which the minutes go to the party committee and government (7). */
  minutesWorkingDays: workingDays.default(7),
  /** Reminders to handling units before a feedback deadline (days) and every N days after it. */
  feedbackReminderDays: steps.default([7, 3]),
  feedbackOverdueEveryDays: z.number().int().min(1).max(30).default(7),
});
export type ConsultationSettings = z.infer<typeof consultationSettingsSchema>;

export const consultationSettingsPatch = z.object({
  forms: forms.optional(),
  noticeWorkingDays: workingDays.optional(),
  materialsWorkingDays: workingDays.optional(),
  minutesWorkingDays: workingDays.optional(),
  feedbackReminderDays: steps.optional(),
  feedbackOverdueEveryDays: z.number().int().min(1).max(30).optional(),
});
export type ConsultationSettingsPatch = z.infer<typeof consultationSettingsPatch>;

/** Reads the stored settings; a stored key that no longer parses falls back to its default. */
export function parseConsultationSettings(stored: unknown): ConsultationSettings {
  const obj = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(consultationSettingsSchema.shape)) {
    const r = (field as z.ZodType).safeParse(obj[k]);
    if (r.success) out[k] = r.data;
  }
  return consultationSettingsSchema.parse(out);
}
