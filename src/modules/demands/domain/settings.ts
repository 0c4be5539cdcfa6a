import { z } from 'zod';

/**
 * Per-committee configuration of 群众诉求, under `demands` in committees.settings.
 * kinds: the committee's own categories. retentionDays: personal data of a closed demand is erased
 * this many days after closing (the daily job demands.erase_personal_data). powBits: the public
 * form's proof-of-work (leading zero bits of sha256; 16 ≈ 65,000 hashes, about a second on a phone).
 * referralWorkingDays: the default 转办 deadline.
 */
export const DEFAULT_KINDS = ['基础设施', '教育医疗', '社会保障', '产业发展', '生态环境', '矛盾纠纷', '其他'] as const;

const kinds = z.array(z.string().trim().min(2).max(20)).min(1).max(40)
  .refine((k) => new Set(k).size === k.length, { message: '诉求类别不能重复 / kinds must be distinct' });

export const demandSettingsSchema = z.object({
  kinds: kinds.default([...DEFAULT_KINDS]),
  retentionDays: z.number().int().min(30).max(3650).default(730),
  powBits: z.number().int().min(8).max(24).default(16),
  referralWorkingDays: z.number().int().min(1).max(60).default(15),
});
export type DemandSettings = z.infer<typeof demandSettingsSchema>;

export const demandSettingsPatch = z.object({
  kinds: kinds.optional(),
  retentionDays: z.number().int().min(30).max(3650).optional(),
  powBits: z.number().int().min(8).max(24).optional(),
  referralWorkingDays: z.number().int().min(1).max(60).optional(),
});
export type DemandSettingsPatch = z.infer<typeof demandSettingsPatch>;

/** Reads the stored settings; a stored key that no longer parses falls back to its default. */
export function parseDemandSettings(stored: unknown): DemandSettings {
  const obj = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(demandSettingsSchema.shape)) {
    const r = (field as z.ZodType).safeParse(obj[k]);
    if (r.success) out[k] = r.data;
  }
  return demandSettingsSchema.parse(out);
}
