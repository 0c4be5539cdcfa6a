import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { committees, members, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** 选题: topics of the season the info office publishes; an author may pick one. */
export const socialInfoTopics = pgTable(
  'social_info_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('social_info_topics_committee_year_idx').on(t.committeeId, t.year)],
);

/** 刊物: 《社情民意》, 《政协信息》, 专报 … several per committee. */
export const socialInfoPeriodicals = pgTable(
  'social_info_periodicals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('social_info_periodicals_committee_name_uq').on(t.committeeId, t.name)],
);

/** 期: an issue of a periodical; numbered per periodical and year when released. */
export const socialInfoIssues = pgTable(
  'social_info_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    periodicalId: uuid('periodical_id').notNull().references(() => socialInfoPeriodicals.id),
    year: integer('year').notNull(),
    number: integer('number'),
    title: text('title').notNull().default(''),
    status: text('status').notNull().default('draft'), // draft | signed | released
    signedBy: uuid('signed_by').references(() => users.id),
    signedByLabel: text('signed_by_label'),
    signedAt: ts('signed_at'),
    releasedAt: ts('released_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_info_issues_committee_periodical_year_number_uq').on(t.committeeId, t.periodicalId, t.year, t.number),
    index('social_info_issues_committee_status_idx').on(t.committeeId, t.status),
  ],
);

/** Last number given per periodical and year; the row lock makes issue numbers gapless. */
export const socialInfoIssueCounters = pgTable(
  'social_info_issue_counters',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    periodicalId: uuid('periodical_id').notNull().references(() => socialInfoPeriodicals.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ name: 'social_info_issue_counters_pk', columns: [t.committeeId, t.periodicalId, t.year] })],
);

/**
 * 社情民意信息. The workflow state is the one `state` column (domain/info-workflow.ts); `title`
 * and `body` are the current text, the author's original stays in social_info_versions (version 1).
 * `memberIds` are the crediting members (first = lead author); `tokens` feed search and
 * similar-item detection (GIN).
 */
export const socialInfoItems = pgTable(
  'social_info_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    sourceKind: text('source_kind').notNull(), // member | officer | organisation | sector | special_committee | liaison_station
    sourceName: text('source_name'),
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    topicId: uuid('topic_id').references(() => socialInfoTopics.id),
    urgent: boolean('urgent').notNull().default(false),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tokens: text('tokens').array().notNull().default(sql`'{}'::text[]`),
    state: text('state').notNull().default('submitted'),
    reason: text('reason'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => socialInfoItems.id),
    issueId: uuid('issue_id').references(() => socialInfoIssues.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
    // Where a drafted item came from (e.g. `demands:demand:<id>`): one item per source, so a
    // repeated conversion request changes nothing.
    sourceRef: text('source_ref'),
  },
  (t) => [
    uniqueIndex('social_info_items_committee_source_ref_uq').on(t.committeeId, t.sourceRef),
    index('social_info_items_committee_state_idx').on(t.committeeId, t.state, t.submittedAt),
    index('social_info_items_committee_issue_idx').on(t.committeeId, t.issueId),
    index('social_info_items_tokens_gin_idx').using('gin', t.tokens),
    index('social_info_items_members_gin_idx').using('gin', t.memberIds),
  ],
);

/** Each text of an item: version 1 is the author's original and is never changed; edits add rows. */
export const socialInfoVersions = pgTable(
  'social_info_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    itemId: uuid('item_id').notNull().references(() => socialInfoItems.id),
    version: integer('version').notNull(),
    kind: text('kind').notNull(), // original | edit | resubmission
    title: text('title').notNull(),
    body: text('body').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdByLabel: text('created_by_label'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('social_info_versions_committee_item_version_uq').on(t.committeeId, t.itemId, t.version)],
);

/** 信息员: a member appointed for a year with a monthly quota of items. */
export const socialInfoOfficers = pgTable(
  'social_info_officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull().references(() => members.id),
    monthlyQuota: integer('monthly_quota').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('social_info_officers_committee_year_member_uq').on(t.committeeId, t.year, t.memberId)],
);

/** 报送: an item forwarded to one destination (alone or as part of an issue). */
export const socialInfoForwards = pgTable(
  'social_info_forwards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    itemId: uuid('item_id').notNull().references(() => socialInfoItems.id),
    issueId: uuid('issue_id').references(() => socialInfoIssues.id),
    destination: text('destination').notNull(),
    forwardedOn: date('forwarded_on', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('social_info_forwards_committee_item_destination_uq').on(t.committeeId, t.itemId, t.destination)],
);

/** What came of a forward: 采用 (adoption), 批示 (instruction) or a follow-up note (办理落实). */
export const socialInfoResults = pgTable(
  'social_info_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    forwardId: uuid('forward_id').notNull().references(() => socialInfoForwards.id),
    itemId: uuid('item_id').notNull().references(() => socialInfoItems.id),
    kind: text('kind').notNull(), // adoption | instruction | follow_up
    publication: text('publication'),
    leader: text('leader'),
    level: text('level'), // provincial | city (instructions)
    onDate: date('on_date', { mode: 'string' }).notNull(),
    text: text('text').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('social_info_results_committee_item_idx').on(t.committeeId, t.itemId)],
);
