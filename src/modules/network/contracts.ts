import { z } from 'zod';
import { scopeParam } from '../../platform/figures.js';
import { calendarDate } from '../../platform/schema.js';

/** The network module's request and response shapes, shared with the web client. */
export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, { zh: string; en: string }> = {
  province: { zh: '省', en: 'province' }, city: { zh: '市', en: 'city' }, county: { zh: '县区', en: 'county' },
  town: { zh: '乡镇（街道）', en: 'town' }, village: { zh: '村（社区）', en: 'village' },
};
export const VISIT_OUTCOMES = ['answered', 'referred', 'recorded'] as const;
export const VISIT_OUTCOME_LABELS: Record<(typeof VISIT_OUTCOMES)[number], string> = { answered: '当场解答', referred: '转交办理', recorded: '记录待办' };

const date = calendarDate({ minYear: 2000 });
const name = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();

export const regionInput = z.object({
  /** Null for the committee's own top region (its county, city or province). */
  parentId: z.uuid().nullable().optional(),
  level: z.enum(REGION_LEVELS),
  code: z.string().trim().regex(/^\d{6,12}$/, { message: '区划代码为 6–12 位数字 / code: 6–12 digits' }),
  name: name(40),
  sort: z.number().int().min(0).max(100000).optional(),
});
export type RegionInput = z.infer<typeof regionInput>;
export const regionsQuery = z.object({ parentId: z.uuid().optional(), level: z.enum(REGION_LEVELS).optional() });

const placedMember = z.object({ memberId: z.uuid(), role: name(30), since: date.nullable().optional() });
export const placeInput = z.object({
  type: z.string().trim().min(2).max(30),
  name: name(80),
  regionId: z.uuid(),
  address: optText(200),
  openingHours: optText(100),
  /** 第一召集人: the local party secretary. */
  firstConvener: z.object({ name: name(30), post: name(60) }).nullable().optional(),
  /** 执行召集人: a member (memberId) or a liaison named in text. */
  execConvener: z.union([z.object({ memberId: z.uuid() }), z.object({ name: name(30) })]).nullable().optional(),
  /** 归雁联络服务站: the 商会 and the city it is set up with. */
  partner: z.object({ org: name(80), city: name(30) }).nullable().optional(),
  members: z.array(placedMember).max(200).optional(),
  /** Uploaded photos (POST /api/attachments first); the list replaces the place's photos. */
  photoIds: z.array(z.uuid()).max(30).optional(),
});
export type PlaceInput = z.infer<typeof placeInput>;
export const placePatch = placeInput.partial();
export type PlacePatch = z.infer<typeof placePatch>;
export const placesQuery = z.object({
  type: z.string().trim().max(30).optional(),
  regionId: z.uuid().optional(),
  q: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'closed']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlacesQuery = z.infer<typeof placesQuery>;

export const standardInput = z.object({ item: name(30), met: z.boolean(), metOn: date.optional() });
export type StandardInput = z.infer<typeof standardInput>;

export const ruleInput = z.object({
  kind: z.enum(['weekly', 'monthly']),
  days: z.array(z.number().int().min(1).max(31)).min(1).max(31),
  memberIds: z.array(z.uuid()).min(1).max(20),
  startsOn: date,
  endsOn: date.nullable().optional(),
  note: optText(200),
});
export type RuleInput = z.infer<typeof ruleInput>;
export const rangeQuery = z.object({ from: date, to: date });
export type RangeQuery = z.infer<typeof rangeQuery>;

const visit = z.object({ visitor: name(60), matter: name(2000), answer: optText(2000), outcome: z.enum(VISIT_OUTCOMES) });
export type VisitInput = z.infer<typeof visit>;
export const visitInput = visit;
export const receptionInput = z.object({
  heldOn: date,
  /** The members who received; a member recording their own may leave it out. */
  memberIds: z.array(z.uuid()).min(1).max(20).optional(),
  note: optText(500),
  visits: z.array(visit).max(200).optional(),
});
export type ReceptionInput = z.infer<typeof receptionInput>;
export const receptionsQuery = z.object({ placeId: z.uuid().optional(), from: date.optional(), to: date.optional() });
export const reasonInput = z.object({ reason: z.string().trim().min(2).max(500) });

export const careInput = z.object({
  /** Default: the calling member. */
  memberId: z.uuid().optional(),
  personName: name(30),
  situation: name(60),
  regionId: z.uuid().nullable().optional(),
  startedOn: date,
});
export type CareInput = z.infer<typeof careInput>;
export const careVisitInput = z.object({
  visitedOn: date,
  note: optText(2000),
  policies: z.array(name(60)).max(20).optional(),
  difficultiesSolved: z.number().int().min(0).max(100).optional(),
});
export type CareVisitInput = z.infer<typeof careVisitInput>;
export const careEndInput = z.object({ endedOn: date });

const year = z.coerce.number().int().min(2000).max(2100);
export const figureQuery = z.object({ scope: scopeParam });
export const yearFigureQuery = z.object({ scope: scopeParam, year });
export const overviewQuery = z.object({ year: year.optional() });
