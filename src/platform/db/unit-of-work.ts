import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { EVENT_TASK_PREFIX, eventBus, type DomainEvent } from '../events.js';
import { invalidateLocally, notifyInvalidation } from '../cache.js';
import type { Executor, Tx } from './executor.js';

export type { Executor, Tx };

/** Who is acting: a user in a committee, or the system (jobs, seeds run by the CLI). */
export interface Actor {
  userId: string | null;
  label: string;
  requestId?: string;
}

export interface AuditEntry {
  committeeId: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with keys sorted, so that jsonb's reordering never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return (
      '{' +
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(value);
}

export interface AuditRowForHash {
  committeeId: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function auditHash(r: AuditRowForHash): string {
  return crypto
    .createHash('sha256')
    .update(
      canonicalJson({
        committeeId: r.committeeId, seq: r.seq, at: r.at, actorUserId: r.actorUserId,
        actorLabel: r.actorLabel, action: r.action, entity: r.entity, entityId: r.entityId,
        before: r.before ?? null, after: r.after ?? null, prevHash: r.prevHash,
      }),
    )
    .digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

/** Plain JSON (dates as strings), as jsonb will give it back. */
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * One change: its rows, its audit rows, its event rows and their delivery jobs commit together
 * or not at all.
 */
export class UnitOfWork {
  readonly events: DomainEvent[] = [];
  /** Cached reads this change makes stale (committeeId|topic): dropped here after commit. */
  readonly touched = new Set<string>();
  constructor(
    readonly tx: Tx,
    readonly actor: Actor,
  ) {}

  /** Appends to the committee's hash chain (serialised per committee by an advisory lock). */
  async audit(e: AuditEntry): Promise<void> {
    await this.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + e.committeeId}, 0))`);
    const last = await this.tx.execute<{ seq: number; hash: string }>(
      sql`select seq, hash from audit_log where committee_id = ${e.committeeId} order by seq desc limit 1`,
    );
    const prev = last.rows[0];
    const row: AuditRowForHash = {
      committeeId: e.committeeId,
      seq: prev ? Number(prev.seq) + 1 : 1,
      at: new Date().toISOString(),
      actorUserId: this.actor.userId,
      actorLabel: this.actor.label,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      before: plain(e.before),
      after: plain(e.after),
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const hash = auditHash(row);
    await this.tx.execute(sql`
      insert into audit_log (committee_id, seq, at, actor_user_id, actor_label, action, entity, entity_id, before, after, request_id, prev_hash, hash)
      values (${row.committeeId}, ${row.seq}, ${row.at}, ${row.actorUserId}, ${row.actorLabel}, ${row.action}, ${row.entity},
              ${row.entityId}, ${row.before === null ? null : JSON.stringify(row.before)}::jsonb,
              ${row.after === null ? null : JSON.stringify(row.after)}::jsonb, ${this.actor.requestId ?? null}, ${row.prevHash}, ${hash})`);
  }

  /**
   * Records a domain event and queues one delivery job per subscriber (platform/events.ts), both
   * in this transaction: the subscribers hear it after the commit, at least once, never if it
   * rolls back.
   */
  async emit(event: DomainEvent): Promise<void> {
    const jobs = eventBus.subscribersOf(event.type).map((s) => ({ task: EVENT_TASK_PREFIX + s.name, attempts: s.maxAttempts }));
    await this.tx.execute(sql`
      with e as (
        insert into domain_events (committee_id, type, entity_id, payload, actor_user_id)
        values (${event.committeeId}, ${event.type}, ${event.entityId ?? null}, ${JSON.stringify(event.payload ?? {})}::jsonb, ${this.actor.userId})
        returning id)
      select graphile_worker.add_job(s.task, json_build_object('eventId', e.id), max_attempts => s.attempts)
      from e, jsonb_to_recordset(${JSON.stringify(jobs)}::jsonb) as s(task text, attempts int)`);
    this.events.push(event);
  }

  /**
   * Marks the committee's cached reads of `topic` stale (see platform/cache.ts): other instances
   * hear it through NOTIFY, sent with the commit; this process drops them right after the commit.
   */
  async touch(committeeId: string, topic: string): Promise<void> {
    const key = committeeId + '|' + topic;
    if (this.touched.has(key)) return;
    await notifyInvalidation(this.tx, committeeId, topic);
    this.touched.add(key);
  }
}

/** Runs `work` in one transaction with a unit of work; its events' deliveries are queued in it. */
export async function transact<T>(db: Db, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let uow!: UnitOfWork;
  const result = await db.transaction(async (tx) => {
    uow = new UnitOfWork(tx, actor);
    return work(uow);
  });
  for (const key of uow.touched) {
    const bar = key.lastIndexOf('|');
    invalidateLocally(key.slice(0, bar), key.slice(bar + 1));
  }
  return result;
}
