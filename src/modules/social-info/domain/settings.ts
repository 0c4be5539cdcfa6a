import { z } from 'zod';

/** Per-committee configuration of social-information work, stored under `socialInfo` in committees.settings. */
export const DEFAULT_DESTINATIONS = ['省政协', '全国政协', '市委', '市政府', '市委办公室', '市政府办公室'] as const;

export const infoSettingsSchema = z.object({
  /** Body length limit in characters without whitespace (一事一报, ≤ 1,500 字). */
  maxChars: z.number().int().min(100).max(20000).default(1500),
  titleMaxChars: z.number().int().min(10).max(200).default(60),
  /** Where items and issues are forwarded (报送). */
  destinations: z.array(z.string().trim().min(1).max(40)).min(1).default([...DEFAULT_DESTINATIONS]),
  /** An information officer's monthly quota unless the appointment says otherwise. */
  defaultMonthlyQuota: z.number().int().min(0).max(31).default(1),
  /** Similarity score from which another item is flagged as probably the same matter. */
  similarThreshold: z.number().min(0.01).max(1).default(0.2),
});
export type InfoSettings = z.infer<typeof infoSettingsSchema>;

export const infoSettingsPatch = z.object({
  maxChars: z.number().int().min(100).max(20000).optional(),
  titleMaxChars: z.number().int().min(10).max(200).optional(),
  destinations: z.array(z.string().trim().min(1).max(40)).min(1).optional(),
  defaultMonthlyQuota: z.number().int().min(0).max(31).optional(),
  similarThreshold: z.number().min(0.01).max(1).optional(),
});

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
