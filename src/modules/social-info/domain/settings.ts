import { z } from 'zod';

/** Per-committee configuration of social-information work, stored under `socialInfo` in committees.settings. */
export const DEFAULT_DESTINATIONS = ['省政协', '全国政协', '市委', '市政府', '市委办公室', '市政府办公室'] as const;

export const DEFAULT_REPORT_TO = ['省政协办公厅', '市委', '市人大常委会', '市政府'] as const;
export const DEFAULT_SEND_TO = ['市政协主席、副主席、秘书长', '各县区政协'] as const;
const names = z.array(z.string().trim().min(1).max(60)).max(30);
const distribution = z.object({ reportTo: names, sendTo: names });
/** A committee runs a handful of periodicals; 50 bounds the settings body (and its cap). */
const MAX_PERIODICALS = 50;
const perPeriodical = z.record(z.uuid(), distribution)
  .refine((m) => Object.keys(m).length <= MAX_PERIODICALS, { message: `按期刊的分发最多 ${MAX_PERIODICALS} 种` })
  .meta({ maxProperties: MAX_PERIODICALS });

export const infoSettingsSchema = z.object({
  /** Body length limit in characters without whitespace (一事一报, ≤ 1,500 字). */
  maxChars: z.number().int().min(100).max(20000).default(1500),
  titleMaxChars: z.number().int().min(10).max(200).default(60),
  /** Where items and issues are forwarded (报送). */
  destinations: z.array(z.string().trim().min(1).max(40)).min(1).max(100).default([...DEFAULT_DESTINATIONS]),
  /** An information officer's monthly quota unless the appointment says otherwise. */
  defaultMonthlyQuota: z.number().int().min(0).max(31).default(1),
  /** Similarity score from which another item is flagged as probably the same matter. */
  similarThreshold: z.number().min(0.01).max(1).default(0.2),
  /** The issuing office printed under the masthead and in the imprint; null: 政协<region>委员会办公室. */
  issuingOffice: z.string().trim().min(2).max(60).nullable().default(null),
  /** The distribution printed at the foot of every issue: 报 (reported to) and 送 (sent to). */
  reportTo: z.array(z.string().trim().min(1).max(60)).max(30).default([...DEFAULT_REPORT_TO]),
  sendTo: z.array(z.string().trim().min(1).max(60)).max(30).default([...DEFAULT_SEND_TO]),
  /** Per periodical (by id) a distribution of its own, e.g. a 专报 that goes to the city's leaders only. */
  periodicalDistribution: perPeriodical.default({}),
});
export type InfoSettings = z.infer<typeof infoSettingsSchema>;

export const infoSettingsPatch = z.object({
  maxChars: z.number().int().min(100).max(20000).optional(),
  titleMaxChars: z.number().int().min(10).max(200).optional(),
  destinations: z.array(z.string().trim().min(1).max(40)).min(1).max(100).optional(),
  defaultMonthlyQuota: z.number().int().min(0).max(31).optional(),
  similarThreshold: z.number().min(0.01).max(1).optional(),
  issuingOffice: z.string().trim().min(2).max(60).nullable().optional(),
  reportTo: names.optional(),
  sendTo: names.optional(),
  periodicalDistribution: perPeriodical.optional(),
});

/** 报/送 of an issue of the periodical: its own distribution when configured, else the committee's. */
export function distributionOf(s: InfoSettings, periodicalId: string): { reportTo: string[]; sendTo: string[] } {
  return s.periodicalDistribution[periodicalId] ?? { reportTo: s.reportTo, sendTo: s.sendTo };
}

/** Reads the stored settings; invalid stored keys fall back to the defaults. */
export function parseInfoSettings(stored: unknown): InfoSettings {
  const obj = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(infoSettingsSchema.shape)) {
    const r = (field as z.ZodType).safeParse(obj[k]);
    if (r.success) out[k] = r.data;
  }
  return infoSettingsSchema.parse(out);
}

/** Characters counted against the limit: everything but whitespace. */
export const countChars = (s: string) => [...s.replace(/\s+/g, '')].length;
