import { z } from 'zod';

/**
 * Per-committee configuration of the network, under `network` in committees.settings: the place
 * types (key, label, the level of region a place of the type usually serves) and the standards
 * checklist. Keys are stored on places, so renaming a label changes nothing stored.
 */
export const DEFAULT_PLACE_TYPES = [
  { key: 'station', label: '委员工作站', level: 'town' },
  { key: 'studio', label: '委员工作室', level: 'county' },
  { key: 'room', label: '协商议事室', level: 'village' },
  { key: 'liaison', label: '联络服务站', level: 'county' },
] as const;
export const DEFAULT_STANDARDS = ['有阵地', '有标识', '有制度', '有流程', '有活动', '有成效'] as const;
/** The place type whose villages count as covered (coverage = villages with one / all villages). */
export const ROOM_TYPE = 'room';

const placeType = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,29}$/, { message: '类型代码为小写字母、数字和下划线 / key: lowercase letters, digits, _' }),
  label: z.string().trim().min(2).max(30),
  level: z.enum(['province', 'city', 'county', 'town', 'village']),
});
const placeTypes = z.array(placeType).min(1).max(20)
  .refine((t) => new Set(t.map((x) => x.key)).size === t.length, { message: '类型代码不能重复 / type keys must be distinct' });
const standards = z.array(z.string().trim().min(2).max(30)).min(1).max(30)
  .refine((s) => new Set(s).size === s.length, { message: '建设标准不能重复 / standards must be distinct' });

export const networkSettingsSchema = z.object({
  placeTypes: placeTypes.default(DEFAULT_PLACE_TYPES.map((t) => ({ ...t }))),
  standards: standards.default([...DEFAULT_STANDARDS]),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;
export const networkSettingsPatch = z.object({ placeTypes: placeTypes.optional(), standards: standards.optional() });
export type NetworkSettingsPatch = z.infer<typeof networkSettingsPatch>;

/** Reads the stored settings; a stored key that no longer parses falls back to its default. */
export function parseNetworkSettings(stored: unknown): NetworkSettings {
  const obj = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(networkSettingsSchema.shape)) {
    const r = (field as z.ZodType).safeParse(obj[k]);
    if (r.success) out[k] = r.data;
  }
  return networkSettingsSchema.parse(out);
}
