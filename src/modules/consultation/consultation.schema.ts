import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { committees, handlingUnits, members, specialCommittees, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * 年度协商计划: one row per committee, year and version. Version 1 is the plan as first drafted;
 * 调整 (adjust) starts the next version as a copy, which goes through the same approval path
 * (domain/plan-workflow.ts) and, once issued, supersedes the one before. Old versions stay.
 */
export const consultationPlans = pgTable(
  'consultation_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    state: text('state').notNull().default('draft'),
    /** The version this one adjusts (null for version 1). */
    previousId: uuid('previous_id'),
    /** 调整说明: why this version was started. */
    adjustReason: text('adjust_reason'),
    /** 党委常委会确定: the date of the meeting and the document number (e.g. 定市委办发〔2026〕3号). */
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionDocNo: text('decision_doc_no'),
    /** 印发 */
    issuedOn: date('issued_on', { mode: 'string' }),
    issuedDocNo: text('issued_doc_no'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_plans_committee_year_version_uq').on(t.committeeId, t.year, t.version),
    index('consultation_plans_committee_state_idx').on(t.committeeId, t.state),
  ],
);

/**
 * 议题征集: a topic proposed for the plan by a member, a special committee, a sector, the party
 * committee or the government. State: submitted → accepted (into a plan item) | declined.
 */
export const consultationTopics = pgTable(
  'consultation_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** member | special_committee | sector | party_committee | government */
    sourceKind: text('source_kind').notNull(),
    /** The proposing body's name (for every kind but member). */
    sourceName: text('source_name'),
    memberId: uuid('member_id').references(() => members.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    state: text('state').notNull().default('submitted'),
    declineReason: text('decline_reason'),
    planItemId: uuid('plan_item_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_topics_committee_year_state_idx').on(t.committeeId, t.year, t.state)],
);

/** 计划项目: one consultation activity of a plan version. */
export const consultationPlanItems = pgTable(
  'consultation_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    planId: uuid('plan_id').notNull().references(() => consultationPlans.id),
    /** The collected topic it came from, if any. */
    topicId: uuid('topic_id').references(() => consultationTopics.id),
    title: text('title').notNull(),
    /** 协商形式: one of the committee's configured forms (settings.consultation.forms). */
    form: text('form').notNull(),
    /** 牵头: a special committee or an office, by name; the special committee's id when it is one. */
    lead: text('lead').notNull(),
    leadSpecialCommitteeId: uuid('lead_special_committee_id').references(() => specialCommittees.id),
    /** 计划时间 (month 1–12); null: 全年 / to be fixed. */
    month: integer('month'),
    /** 参加领导 / 参与单位, as written in the plan. */
    leaders: text('leaders').array().notNull().default([]),
    units: text('units').array().notNull().default([]),
    /** 监督性议题 */
    supervisory: boolean('supervisory').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_plan_items_committee_plan_idx').on(t.committeeId, t.planId, t.sort)],
);

/** The plan's approval history: every move of every version, with the decision's date and number. */
export const consultationPlanHistory = pgTable(
  'consultation_plan_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    planId: uuid('plan_id').notNull().references(() => consultationPlans.id),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    /** The date of the step (meeting date, issue date), when the step has one. */
    onDate: date('on_date', { mode: 'string' }),
    docNo: text('doc_no'),
    note: text('note'),
    actorLabel: text('actor_label').notNull(),
    // clock_timestamp, not now(): one transaction writes several steps (issuing v2 supersedes v1) and their order matters.
    at: ts('at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('consultation_plan_history_committee_plan_idx').on(t.committeeId, t.planId, t.at)],
);

/** 专家智库: the committee's roster of experts who may be invited to consultations. */
export const consultationExperts = pgTable(
  'consultation_experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    name: text('name').notNull(),
    /** 专业领域, e.g. 区域经济 */
    field: text('field').notNull().default(''),
    /** 工作单位及职务 */
    affiliation: text('affiliation').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consultation_experts_committee_name_uq').on(t.committeeId, t.name, t.affiliation)],
);

/**
 * 协商会议: one meeting that carries out a plan item (an item may take several). The state moves
 * by domain/meeting-workflow.ts. Check-in and attendance are the performance module's activity
 * (`activity_id`, learnt from its event); the deadlines are working days from the start.
 */
export const consultationMeetings = pgTable(
  'consultation_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    planItemId: uuid('plan_item_id').notNull().references(() => consultationPlanItems.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** The plan item's form when the meeting was made (figures count by it). */
    form: text('form').notNull(),
    agenda: text('agenda').notNull().default(''),
    place: text('place'),
    onlineLink: text('online_link'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    state: text('state').notNull().default('preparing'),
    /** 应邀领导和部门负责人, as names (they have no member record). */
    officials: text('officials').array().notNull().default([]),
    noticeDue: date('notice_due', { mode: 'string' }).notNull(),
    materialsDue: date('materials_due', { mode: 'string' }).notNull(),
    minutesDue: date('minutes_due', { mode: 'string' }).notNull(),
    notifiedAt: ts('notified_at'),
    heldAt: ts('held_at'),
    closedAt: ts('closed_at'),
    cancelReason: text('cancel_reason'),
    /** 纪要: text and/or files (attachments of kind consultation_minutes); required to close. */
    minutesText: text('minutes_text'),
    minutesAt: ts('minutes_at'),
    activityId: uuid('activity_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('consultation_meetings_committee_year_idx').on(t.committeeId, t.year, t.form),
    index('consultation_meetings_committee_item_idx').on(t.committeeId, t.planItemId),
  ],
);

/** Who is invited: a member (replies attend / 请假 with a reason) or an expert of the roster. */
export const consultationInvitations = pgTable(
  'consultation_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    meetingId: uuid('meeting_id').notNull().references(() => consultationMeetings.id),
    memberId: uuid('member_id').references(() => members.id),
    expertId: uuid('expert_id').references(() => consultationExperts.id),
    /** pending | attend | leave */
    reply: text('reply').notNull().default('pending'),
    reason: text('reason'),
    repliedAt: ts('replied_at'),
  },
  (t) => [
    uniqueIndex('consultation_invitations_member_uq').on(t.committeeId, t.meetingId, t.memberId),
    uniqueIndex('consultation_invitations_expert_uq').on(t.committeeId, t.meetingId, t.expertId),
    index('consultation_invitations_committee_member_idx').on(t.committeeId, t.memberId),
  ],
);

/**
 * 发言: a member's written speech for a meeting, submitted before it; staff select oral speakers
 * and order them (`oral_order`, null: written only). Credited as duty kind `speech` when the meeting is held.
 */
export const consultationSpeeches = pgTable(
  'consultation_speeches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    meetingId: uuid('meeting_id').notNull().references(() => consultationMeetings.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    oralOrder: integer('oral_order'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_speeches_member_uq').on(t.committeeId, t.meetingId, t.memberId),
    index('consultation_speeches_committee_member_idx').on(t.committeeId, t.memberId),
  ],
);

/** The last number given to an outcome document of a kind in a year (the upsert takes the row's lock: race-safe numbering). */
export const consultationOutcomeCounters = pgTable(
  'consultation_outcome_counters',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.kind, t.year] })],
);

/**
 * 协商成果: a 协商专报 / 建议案 / 参阅件 from a meeting (or from the plan item directly), numbered
 * per committee, kind and year (`<year>年第N期`), holding numbered recommendations. State by
 * domain/outcome-workflow.ts: 起草 → 已报送 → 已转办 → 已反馈 → 已办结.
 */
export const consultationOutcomes = pgTable(
  'consultation_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    planItemId: uuid('plan_item_id').notNull().references(() => consultationPlanItems.id),
    meetingId: uuid('meeting_id').references(() => consultationMeetings.id),
    /** report (协商专报) | proposal (建议案) | reference (参阅件) */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    state: text('state').notNull().default('draft'),
    /** 报送: to the party committee and/or the government, on a date. */
    sentTo: text('sent_to').array().notNull().default([]),
    sentOn: date('sent_on', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_outcomes_number_uq').on(t.committeeId, t.kind, t.year, t.number),
    index('consultation_outcomes_committee_year_idx').on(t.committeeId, t.year, t.state),
    index('consultation_outcomes_committee_item_idx').on(t.committeeId, t.planItemId),
  ],
);

/**
 * 建议条目: one numbered recommendation of an outcome document and what became of it: the result
 * (采纳 / 部分采纳 / 未采纳 / 落实中 / 已落实) with its evidence, only once the document was sent.
 */
export const consultationRecommendations = pgTable(
  'consultation_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    outcomeId: uuid('outcome_id').notNull().references(() => consultationOutcomes.id),
    seq: integer('seq').notNull(),
    body: text('body').notNull(),
    /** adopted | partly_adopted | not_adopted | in_progress | implemented; null: no result yet */
    result: text('result'),
    evidence: text('evidence'),
    resultOn: date('result_on', { mode: 'string' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_recommendations_seq_uq').on(t.committeeId, t.outcomeId, t.seq),
    index('consultation_recommendations_committee_result_idx').on(t.committeeId, t.result),
  ],
);

/** 领导批示 on an outcome document: who, when, what. */
export const consultationInstructions = pgTable(
  'consultation_instructions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    outcomeId: uuid('outcome_id').notNull().references(() => consultationOutcomes.id),
    leader: text('leader').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_instructions_committee_outcome_idx').on(t.committeeId, t.outcomeId)],
);

/** 转办: an outcome document referred to a handling unit with a feedback deadline, and the unit's 书面反馈. */
export const consultationReferrals = pgTable(
  'consultation_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    outcomeId: uuid('outcome_id').notNull().references(() => consultationOutcomes.id),
    unitId: uuid('unit_id').notNull().references(() => handlingUnits.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    feedback: text('feedback'),
    feedbackAt: ts('feedback_at'),
    feedbackBy: uuid('feedback_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('consultation_referrals_unit_uq').on(t.committeeId, t.outcomeId, t.unitId),
    index('consultation_referrals_committee_unit_idx').on(t.committeeId, t.unitId),
  ],
);

/** 网络议政: a topic opened to a chosen group of members for a time window. */
export const consultationOnlineTopics = pgTable(
  'consultation_online_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    planItemId: uuid('plan_item_id').references(() => consultationPlanItems.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_online_topics_committee_idx').on(t.committeeId, t.opensAt)],
);

export const consultationOnlineParticipants = pgTable(
  'consultation_online_participants',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    topicId: uuid('topic_id').notNull().references(() => consultationOnlineTopics.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.topicId, t.memberId] }), index('consultation_online_participants_member_idx').on(t.committeeId, t.memberId)],
);

/** A member's opinion on an online topic: pending until staff publish or hide it; `selected` once carried into an outcome document. */
export const consultationOpinions = pgTable(
  'consultation_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    topicId: uuid('topic_id').notNull().references(() => consultationOnlineTopics.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    body: text('body').notNull(),
    /** pending | published | hidden */
    status: text('status').notNull().default('pending'),
    outcomeId: uuid('outcome_id').references(() => consultationOutcomes.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    moderatedAt: ts('moderated_at'),
  },
  (t) => [index('consultation_opinions_committee_topic_idx').on(t.committeeId, t.topicId, t.createdAt)],
);
