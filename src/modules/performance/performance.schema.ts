import { sql } from 'drizzle-orm';
import {
  boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { committees, members, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
/** PostgreSQL's tstzmultirange (PG 14+), kept as its text form: only SQL reads and writes it. */
const tstzmultirange = customType<{ data: string }>({ dataType: () => 'tstzmultirange' });

/** 履职活动 organised by the committee: meetings, trips, classes, reception days … */
export const perfActivities = pgTable(
  'perf_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    type: text('type').notNull(), // domain/kinds.ts ACTIVITY_TYPES
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    /** Duration in half-days: the unit of "points per half-day". */
    halfDays: integer('half_days').notNull().default(1),
    year: integer('year').notNull(),
    place: text('place'),
    organiserKind: text('organiser_kind').notNull().default('committee'),
    organiserName: text('organiser_name'),
    /** Members not invited may sign up (报名). */
    openSignUp: boolean('open_sign_up').notNull().default(false),
    /** The per-activity code members type to check in on their phones. */
    checkInCode: text('check_in_code').notNull(),
    status: text('status').notNull().default('open'), // open | closed | cancelled
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    /** Set when another module's event asked for the activity (e.g. 'consultation:meeting:<id>'): one activity per source. */
    sourceRef: text('source_ref'),
  },
  (t) => [
    index('perf_activities_committee_year_idx').on(t.committeeId, t.year, t.startsAt),
    uniqueIndex('perf_activities_committee_source_uq').on(t.committeeId, t.sourceRef),
  ],
);

/** One member's part in one activity: invited, signed up, attended, excused (请假) or absent. */
export const perfAttendance = pgTable(
  'perf_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    activityId: uuid('activity_id').notNull().references(() => perfActivities.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    invited: boolean('invited').notNull().default(false),
    status: text('status').notNull(), // invited | signed_up | attended | excused | absent
    reason: text('reason'),
    checkedInAt: ts('checked_in_at'),
    markedBy: text('marked_by'), // self | staff | close
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('perf_attendance_committee_activity_member_uq').on(t.committeeId, t.activityId, t.memberId),
    index('perf_attendance_committee_member_idx').on(t.committeeId, t.memberId),
  ],
);

/**
 * 履职记录. `source_type` + `source_ref` identify what produced an automatic record (an
 * attendance, a proposals event, a duty.recorded event), unique per committee, so that replaying
 * an event never records it twice. Self-reported records have neither and go through
 * submitted → verified | rejected; automatic ones are verified when made and void when their
 * source is revoked. `member_count` is fixed at creation (the joint split divides by it).
 */
export const perfDutyRecords = pgTable(
  'perf_duty_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    source: text('source').notNull(), // automatic | self_reported
    sourceType: text('source_type'),
    sourceRef: text('source_ref'),
    status: text('status').notNull(), // submitted | verified | rejected | withdrawn | void
    units: doublePrecision('units').notNull().default(1),
    memberCount: integer('member_count').notNull().default(1),
    metrics: jsonb('metrics').notNull().default(sql`'{}'::jsonb`),
    /** Evidence: a list of { name, url } (file names or links; uploads come with the file store). */
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    submittedBy: uuid('submitted_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    rejectReason: text('reject_reason'),
    /**
     * When the record counted (was verified): a record verified, voided and revived counts over two
     * spans. An assessment's snapshot is "the records that counted at its as_of" — O(1) to freeze,
     * instead of storing every record id per member. Null on a verified record: counted since
     * before this column existed (and bulk-loaded records).
     */
    counted: tstzmultirange('counted'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('perf_duty_records_committee_source_uq').on(t.committeeId, t.sourceType, t.sourceRef),
    index('perf_duty_records_committee_year_status_idx').on(t.committeeId, t.year, t.status),
    // What scoring reads of a verified record, so that a committee's (or a member's) facts are an index-only scan
    // instead of one heap page per record: a year's records are spread over the whole table.
    index('perf_duty_records_verified_facts_idx').on(t.committeeId, t.year, t.id, t.kind, t.memberCount, t.units).where(sql`status = 'verified'`),
    // What changed since an assessment's as_of (its rerun / revision diff): every write of `counted` stamps updated_at with the same clock.
    index('perf_duty_records_committee_year_updated_idx').on(t.committeeId, t.year, t.updatedAt),
    // A member's pending records (the live standing): probing this small index per record of the member, instead of
    // one heap page per record, took getMemberStanding's p95 from 37 ms to 9 ms for random members among 20,000,000 records.
    // It also holds what the standing lists of them (kind, title, dates), so the list is read from the index alone: the
    // records' heap (5 GB at 20M records) is not kept in memory, and one disk read per pending record was most of the p95.
    index('perf_duty_records_pending_idx').on(t.committeeId, t.id, t.kind, t.occurredOn, t.createdAt, t.title).where(sql`status = 'submitted'`),
  ],
);

/** The members a record credits, with their part (第一提案人 / 联名人); `year` is the record's. */
export const perfRecordMembers = pgTable(
  'perf_record_members',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    recordId: uuid('record_id').notNull().references(() => perfDutyRecords.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    role: text('role'), // first | cosigner | participant
    year: integer('year').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.committeeId, t.recordId, t.memberId] }),
    // With the record and the member's part: the scoring join reads this index only.
    index('perf_record_members_committee_member_year_idx').on(t.committeeId, t.memberId, t.year, t.recordId, t.role),
  ],
);

/** 积分规则 of one year, versioned; frozen when the year's assessment is published. */
export const perfRuleSets = pgTable(
  'perf_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    rules: jsonb('rules').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    frozenAt: ts('frozen_at'),
  },
  (t) => [uniqueIndex('perf_rule_sets_committee_year_version_uq').on(t.committeeId, t.year, t.version)],
);

/**
 * 年度履职考核: one row per run. Revision 1 is a draft until published; re-running a draft
 * recomputes it in place; after publication a correction is a new revision (the previous one
 * becomes superseded), never an edit.
 */
export const perfAssessments = pgTable(
  'perf_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    status: text('status').notNull(), // draft | published | superseded
    ruleSetId: uuid('rule_set_id').notNull().references(() => perfRuleSets.id),
    summary: jsonb('summary').notNull(),
    reason: text('reason'),
    computedAt: ts('computed_at').notNull().defaultNow(),
    computedBy: uuid('computed_by').references(() => users.id),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    /** The snapshot: the run counted exactly the records whose `counted` spans contain this instant. Null on runs made before it existed (they keep record_ids). */
    asOf: ts('as_of'),
  },
  (t) => [uniqueIndex('perf_assessments_committee_year_revision_uq').on(t.committeeId, t.year, t.revision)],
);

/** One member's result in one assessment run (the records it was computed from: the run's `as_of`). */
export const perfAssessmentResults = pgTable(
  'perf_assessment_results',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    assessmentId: uuid('assessment_id').notNull().references(() => perfAssessments.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    sectorId: uuid('sector_id'),
    roles: text('roles').array().notNull(),
    points: doublePrecision('points').notNull(),
    grade: text('grade').notNull(),
    rank: integer('rank').notNull(),
    sectorRank: integer('sector_rank'),
    byKind: jsonb('by_kind').notNull(),
    quotasMet: boolean('quotas_met').notNull(),
    quotaShortfalls: jsonb('quota_shortfalls').notNull(),
    commended: boolean('commended').notNull(),
    belowBar: boolean('below_bar').notNull(),
    warned: boolean('warned').notNull(),
    warnedAgain: boolean('warned_again').notNull(),
    allowanceYuan: doublePrecision('allowance_yuan').notNull(),
    /** The snapshot of runs made before `perf_assessments.as_of` existed; null since. */
    recordIds: uuid('record_ids').array(),
  },
  (t) => [
    primaryKey({ columns: [t.committeeId, t.assessmentId, t.memberId] }),
    index('perf_assessment_results_committee_member_idx').on(t.committeeId, t.memberId),
  ],
);

/** 常委年度述职: a standing member's written report for a year. */
export const perfAnnualReports = pgTable(
  'perf_annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    year: integer('year').notNull(),
    body: text('body').notNull(),
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('perf_annual_reports_committee_member_year_uq').on(t.committeeId, t.memberId, t.year)],
);
