import { bigint, bigserial, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Tables of the technical kernel. Each carries committee_id (the tenant); the audit chain is
 * kept per committee so that committees never wait on each other's writes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: uuid('committee_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_committee_seq_uq').on(t.committeeId, t.seq),
    index('audit_log_committee_entity_idx').on(t.committeeId, t.entity, t.entityId),
  ],
);

/** Domain events, written in the transaction of the change that caused them. */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: uuid('committee_id').notNull(),
    type: text('type').notNull(),
    entityId: text('entity_id'),
    payload: jsonb('payload').notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('domain_events_committee_type_idx').on(t.committeeId, t.type, t.createdAt)],
);

/** One row per run of a periodic job; the advisory lock decides who runs, this records what ran. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: uuid('committee_id'),
    job: text('job').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    status: text('status').notNull(),
    detail: text('detail'),
    pid: integer('pid'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
);

/** PostgreSQL bytea as a Node Buffer (drizzle has no built-in column for it). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Uploaded files (evidence photos, proposal attachments, item attachments). Stored in the
 * database, not on disk, so that one backup holds everything and a county laptop needs no
 * file share. `owner_id` stays null between upload and the command that claims the file.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    ownerKind: text('owner_kind'),
    ownerId: text('owner_id'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.committeeId, t.ownerKind, t.ownerId)],
);

/**
 * In-app notifications. `dedupe_key` makes reminder jobs idempotent: a job that runs twice on
 * one day inserts nothing the second time (ON CONFLICT DO NOTHING on user + key).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: uuid('committee_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    entity: text('entity'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.committeeId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);
