import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { committees, members, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * 行政区划: province → city → county → town (乡镇/街道) → village (村/社区), owned by the committee
 * of that level: a county committee owns its county's row, its towns and its villages; a city
 * its own row. A committee's top row has no parent here (the parent belongs to the committee
 * above and is found by `code`), so a region never points into another tenant. `county_id` and
 * `town_id` are the row's ancestors in this committee, copied at insert, so the network page
 * groups a county by town with one index scan instead of a recursive walk.
 */
export const networkRegions = pgTable(
  'network_regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    parentId: uuid('parent_id'),
    /** province | city | county | town | village */
    level: text('level').notNull(),
    /** The administrative code (统计用区划代码: 6 digits down to the county, 9 for a town, 12 for a village). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    countyId: uuid('county_id'),
    townId: uuid('town_id'),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('network_regions_committee_code_uq').on(t.committeeId, t.code),
    index('network_regions_committee_parent_idx').on(t.committeeId, t.parentId),
    index('network_regions_committee_town_idx').on(t.committeeId, t.townId, t.level),
  ],
);

/**
 * 阵地: a 委员工作站 / 委员工作室 / 协商议事室 / 联络服务站 (types are the committee's settings).
 * 第一召集人 is the local party secretary (name and post); 执行召集人 a member or a liaison.
 * 归雁联络服务站 name the 商会 and the city they are set up with (partner_*).
 */
export const networkPlaces = pgTable(
  'network_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    type: text('type').notNull(),
    name: text('name').notNull(),
    regionId: uuid('region_id').notNull().references(() => networkRegions.id),
    address: text('address').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    firstConvenerName: text('first_convener_name'),
    firstConvenerPost: text('first_convener_post'),
    execConvenerMemberId: uuid('exec_convener_member_id').references(() => members.id),
    execConvenerName: text('exec_convener_name'),
    partnerOrg: text('partner_org'),
    partnerCity: text('partner_city'),
    /** active | closed (a closed place stays in the ledger). */
    status: text('status').notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('network_places_committee_name_uq').on(t.committeeId, t.name),
    index('network_places_committee_region_idx').on(t.committeeId, t.regionId),
    index('network_places_committee_type_idx').on(t.committeeId, t.type, t.status),
  ],
);

/** 下沉: a member placed at a place, with their role there (驻站委员, 站长, 联络员 …). */
export const networkPlaceMembers = pgTable(
  'network_place_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    placeId: uuid('place_id').notNull().references(() => networkPlaces.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    role: text('role').notNull(),
    since: date('since', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('network_place_members_uq').on(t.committeeId, t.placeId, t.memberId),
    index('network_place_members_member_idx').on(t.committeeId, t.memberId),
  ],
);

/** The standards checklist (有阵地/有标识/…): one row per place and item once ticked, with when and by whom. */
export const networkPlaceStandards = pgTable(
  'network_place_standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    placeId: uuid('place_id').notNull().references(() => networkPlaces.id),
    item: text('item').notNull(),
    metOn: date('met_on', { mode: 'string' }).notNull(),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedByLabel: text('checked_by_label').notNull(),
  },
  (t) => [uniqueIndex('network_place_standards_uq').on(t.committeeId, t.placeId, t.item)],
);

/**
 * 委员接待日 rota: `weekly` on ISO weekdays (1 = Monday … 7 = Sunday) or `monthly` on days of the
 * month (10, 20; a day the month lacks is skipped), China dates, between starts_on and ends_on,
 * with the members on duty.
 */
export const networkReceptionRules = pgTable(
  'network_reception_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    placeId: uuid('place_id').notNull().references(() => networkPlaces.id),
    kind: text('kind').$type<'weekly' | 'monthly'>().notNull(),
    days: integer('days').array().notNull(),
    memberIds: uuid('member_ids').array().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('network_reception_rules_committee_place_idx').on(t.committeeId, t.placeId)],
);

/** A reception held (接待): who received, on which day; voided (with a reason) when recorded in error. */
export const networkReceptions = pgTable(
  'network_receptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    placeId: uuid('place_id').notNull().references(() => networkPlaces.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    memberIds: uuid('member_ids').array().notNull(),
    note: text('note').notNull().default(''),
    /** held | void */
    status: text('status').notNull().default('held'),
    voidReason: text('void_reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('network_receptions_committee_place_idx').on(t.committeeId, t.placeId, t.heldOn),
    index('network_receptions_committee_held_idx').on(t.committeeId, t.heldOn),
  ],
);

/** The visit log of a reception: who came, what they raised, how it was answered. */
export const networkVisits = pgTable(
  'network_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    receptionId: uuid('reception_id').notNull().references(() => networkReceptions.id),
    visitor: text('visitor').notNull(),
    matter: text('matter').notNull(),
    answer: text('answer').notNull().default(''),
    /** answered (当场解答) | referred (转交办理) | recorded (记录待办) */
    outcome: text('outcome').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('network_visits_committee_reception_idx').on(t.committeeId, t.receptionId)],
);

/** 结对关爱: a member paired with a person in need. */
export const networkCarePairs = pgTable(
  'network_care_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    personName: text('person_name').notNull(),
    /** 困难类型: 留守儿童, 孤寡老人, 残疾人, 困难家庭 … */
    situation: text('situation').notNull(),
    regionId: uuid('region_id').references(() => networkRegions.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('network_care_pairs_committee_member_idx').on(t.committeeId, t.memberId)],
);

/** A care visit: what was done, which policies were applied for the person, difficulties solved. */
export const networkCareVisits = pgTable(
  'network_care_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    pairId: uuid('pair_id').notNull().references(() => networkCarePairs.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    policies: text('policies').array().notNull().default(sql`'{}'::text[]`),
    difficultiesSolved: integer('difficulties_solved').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('network_care_visits_committee_pair_idx').on(t.committeeId, t.pairId)],
);
