import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { committees, handlingUnits, members, plenarySessions, terms, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * 提案. The workflow state is the one `state` column (domain/proposal-workflow.ts); every other
 * column is data the moves record. `tokens` holds the content words of title and body (with
 * repetitions) for duplicate detection, GIN-indexed for candidate retrieval by overlap.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    termId: uuid('term_id').references(() => terms.id),
    sessionId: uuid('session_id').references(() => plenarySessions.id),
    occasion: text('occasion').notNull().default('plenary'), // plenary (大会) | between_sessions (平时)
    kind: text('kind').notNull(), // individual | joint | party_group | sector | special_committee
    submitterName: text('submitter_name'), // the party, sector or special committee for group kinds
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    category: text('category').notNull(),
    researchBasis: text('research_basis'),
    state: text('state').notNull().default('draft'),
    /** Handling round: 1, then +1 on each 重新办理 / 续办. */
    round: integer('round').notNull().default(1),
    numberScope: text('number_scope'),
    number: integer('number'),
    numberLabel: text('number_label'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => proposals.id),
    mergeSeq: integer('merge_seq'),
    decisionCode: text('decision_code'),
    decisionNote: text('decision_note'),
    replyClass: text('reply_class'),
    tokens: text('tokens').array().notNull().default(sql`'{}'::text[]`),
    titleTokens: text('title_tokens').array().notNull().default(sql`'{}'::text[]`),
    /** The distinct tokens counted in proposal_token_df (null until first submitted). */
    dfTokens: text('df_tokens').array(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    filedAt: ts('filed_at'),
    releasedAt: ts('released_at'),
    closedAt: ts('closed_at'),
    // Where a drafted proposal came from (e.g. `demands:demand:<id>`): one proposal per source,
    // so a repeated conversion request changes nothing.
    sourceRef: text('source_ref'),
  },
  (t) => [
    uniqueIndex('proposals_committee_source_ref_uq').on(t.committeeId, t.sourceRef),
    index('proposals_committee_state_idx').on(t.committeeId, t.state),
    index('proposals_committee_session_idx').on(t.committeeId, t.sessionId, t.number),
    index('proposals_committee_merged_into_idx').on(t.committeeId, t.mergedIntoId),
    uniqueIndex('proposals_committee_number_uq').on(t.committeeId, t.numberScope, t.number),
    index('proposals_tokens_gin_idx').using('gin', t.tokens),
    // Needs btree_gin (migration 0009): a committee's token lookups stay inside the committee.
    index('proposals_committee_tokens_gin_idx').using('gin', t.committeeId, t.tokens),
  ],
);

/** 提案人: position 1 is the first signer (第一提案人); co-signers are invited and confirm. */
export const proposalSigners = pgTable(
  'proposal_signers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    proposalId: uuid('proposal_id').notNull().references(() => proposals.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    position: integer('position').notNull(),
    status: text('status').notNull(), // first | invited | confirmed | declined | lapsed
    respondedAt: ts('responded_at'),
  },
  (t) => [
    uniqueIndex('proposal_signers_committee_proposal_member_uq').on(t.committeeId, t.proposalId, t.memberId),
    index('proposal_signers_committee_member_idx').on(t.committeeId, t.memberId),
  ],
);

/** 交办: one row per unit and assignment; 改办 replaces the active rows. */
export const proposalAssignments = pgTable(
  'proposal_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    proposalId: uuid('proposal_id').notNull().references(() => proposals.id),
    unitId: uuid('unit_id').notNull().references(() => handlingUnits.id),
    role: text('role').notNull(), // lead (主办) | co (会办) | split (分办)
    status: text('status').notNull().default('active'), // active | objected | replaced
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    objectionUntil: date('objection_until', { mode: 'string' }).notNull(),
    extensionReason: text('extension_reason'),
    objectionReason: text('objection_reason'),
    objectedAt: ts('objected_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('proposal_assignments_committee_proposal_idx').on(t.committeeId, t.proposalId),
    index('proposal_assignments_committee_unit_idx').on(t.committeeId, t.unitId, t.status),
  ],
);

/** 答复: one per answering unit and handling round. */
export const proposalReplies = pgTable(
  'proposal_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    proposalId: uuid('proposal_id').notNull().references(() => proposals.id),
    unitId: uuid('unit_id').notNull().references(() => handlingUnits.id),
    round: integer('round').notNull(),
    status: text('status').notNull().default('draft'), // draft | submitted | sent_back | released
    replyClass: text('reply_class'),
    isPublic: boolean('is_public').notNull().default(true),
    signer: text('signer'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    docNumber: text('doc_number'),
    body: text('body').notNull().default(''),
    /** 办前面商: when the unit contacted the proposer before replying. */
    contactedOn: date('contacted_on', { mode: 'string' }),
    reviewNote: text('review_note'),
    submittedAt: ts('submitted_at'),
    releasedAt: ts('released_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposal_replies_committee_proposal_unit_round_uq').on(t.committeeId, t.proposalId, t.unitId, t.round)],
);

/** 会签 by a co-handling unit on the lead unit's reply. */
export const proposalCountersigns = pgTable(
  'proposal_countersigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    replyId: uuid('reply_id').notNull().references(() => proposalReplies.id),
    unitId: uuid('unit_id').notNull().references(() => handlingUnits.id),
    opinion: text('opinion'),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposal_countersigns_committee_reply_unit_uq').on(t.committeeId, t.replyId, t.unitId)],
);

/** 评价: each proposer and co-signer rates the released reply, once per round. */
export const proposalFeedback = pgTable(
  'proposal_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    proposalId: uuid('proposal_id').notNull().references(() => proposals.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    round: integer('round').notNull(),
    rating: text('rating').notNull(), // satisfied | basically_satisfied | dissatisfied
    contactedBefore: boolean('contacted_before'),
    attitude: text('attitude'), // good | fair | poor
    remarks: text('remarks'),
    enteredBy: uuid('entered_by').references(() => users.id),
    /** Entered by staff for a member without access (代为评价). */
    onBehalf: boolean('on_behalf').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposal_feedback_committee_proposal_member_round_uq').on(t.committeeId, t.proposalId, t.memberId, t.round)],
);

/** Last number given per numbering scope (term + session); the row lock makes numbers gapless. */
export const proposalCounters = pgTable(
  'proposal_counters',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    scope: text('scope').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ name: 'proposal_counters_pk', columns: [t.committeeId, t.scope] })],
);

/** Document frequency of each token in the committee's submitted proposals ('' holds the count of documents). */
export const proposalTokenDf = pgTable(
  'proposal_token_df',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    token: text('token').notNull(),
    df: integer('df').notNull(),
  },
  (t) => [primaryKey({ name: 'proposal_token_df_pk', columns: [t.committeeId, t.token] })],
);

/**
 * 重点提案: one row per proposal put forward as a key proposal. `status` is the key workflow's
 * one state column (key.workflow.ts): shortlisted (office proposes) → approved (by the leader or
 * the office, per settings) | declined; an approved one may be revoked. `approvals` counts the
 * approvals, so a re-approval after a revocation credits anew (a revoked credit stays revoked).
 * The supervision (督办) is led by a leader (领衔督办, a user with the leader role) through a
 * channel from the committee's list.
 */
export const proposalKeys = pgTable(
  'proposal_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    proposalId: uuid('proposal_id').notNull().references(() => proposals.id),
    status: text('status').notNull(), // shortlisted | approved | declined | revoked
    reason: text('reason'),
    decisionNote: text('decision_note'),
    approvals: integer('approvals').notNull().default(0),
    leadLeaderUserId: uuid('lead_leader_user_id').references(() => users.id),
    channel: text('channel'),
    shortlistedBy: uuid('shortlisted_by').references(() => users.id),
    shortlistedAt: ts('shortlisted_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposal_keys_committee_proposal_uq').on(t.committeeId, t.proposalId),
    index('proposal_keys_committee_status_idx').on(t.committeeId, t.status),
    index('proposal_keys_committee_leader_idx').on(t.committeeId, t.leadLeaderUserId),
  ],
);

/** 督办活动: a recorded supervision event of a key proposal (座谈, 视察, 走访承办单位 …); files are attachments ('proposal_supervision'). */
export const proposalSupervisionEvents = pgTable(
  'proposal_supervision_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    proposalId: uuid('proposal_id').notNull().references(() => proposals.id),
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    participants: text('participants').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('proposal_supervision_events_committee_proposal_idx').on(t.committeeId, t.proposalId, t.heldOn)],
);
