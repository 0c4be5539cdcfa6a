import crypto from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Db } from './db/database.js';
import type { Executor } from './db/executor.js';

/**
 * In-process read caches that never serve what a committed write has changed.
 *
 * A writer calls `uow.touch(committeeId, topic)` inside its transaction: that sends
 * `pg_notify('xs_cache', 'committeeId|topic')` in the same transaction (PostgreSQL delivers it
 * only on commit) and, after the commit, drops the entries of every hub in this process at once.
 * Every hub also LISTENs on a dedicated connection, so the other instances sharing the database
 * drop theirs when the notification arrives. A hub whose listening connection is down serves
 * nothing from cache (reads go to the database), drops everything when the connection is lost
 * and again once it is back: a missed notification can never leave a stale entry behind.
 *
 * Entries are also stamped with a generation taken before their load: a load that overlaps an
 * invalidation is returned to its caller but not kept.
 */

export const CACHE_CHANNEL = 'xs_cache';
/** Every committee (e.g. an account change: a principal spans committees). */
export const ALL_COMMITTEES = '*';

/** Tells this process's notifications apart: its hubs were already told after the commit. */
const PROCESS_TAG = crypto.randomBytes(6).toString('base64url');

export type Invalidation = (committeeId: string, topic: string) => void;

const localHubs = new Set<CacheHub>();

/** Drops the entries of every hub of this process (called by transact after a commit). */
export function invalidateLocally(committeeId: string, topic: string): void {
  for (const h of localHubs) h.invalidate(committeeId, topic);
}

/**
 * The notification for other instances (`committeeId|topic|sender`); inside a transaction it is
 * sent on commit.
 */
export async function notifyInvalidation(db: Executor, committeeId: string, topic: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${committeeId + '|' + topic + '|' + PROCESS_TAG})`);
}

function clientConfig(db: Db): pg.ClientConfig {
  const pool = (db as unknown as { $client?: pg.Pool }).$client;
  const o = (pool as unknown as { options?: pg.PoolConfig } | undefined)?.options;
  if (!o) throw new Error('CacheHub: the database handle has no pg pool');
  // The pool's connection settings (string or fields), without pool-only options.
  const { max: _m, idleTimeoutMillis: _i, ...rest } = o as pg.PoolConfig & Record<string, unknown>;
  return rest as pg.ClientConfig;
}

export class CacheHub {
  private static byDb = new WeakMap<object, CacheHub>();
  /** The hub of a database handle (one per pool in a process). */
  static for(db: Db): CacheHub {
    let h = CacheHub.byDb.get(db);
    if (!h) CacheHub.byDb.set(db, (h = new CacheHub(db)));
    return h;
  }

  private current: pg.Client | null = null;
  private connected = false;
  private stopped = true;
  private refs = 0;
  private retry: NodeJS.Timeout | null = null;
  private retryMs: number;
  private started: Promise<void> | null = null;
  private subscribers = new Set<{ onInvalidate: Invalidation; onDropAll: () => void }>();
  private tables = new Map<string, TopicCache<unknown>>();
  /** Bumped on every drop of everything. */
  epoch = 0;

  /** `local: false` makes a hub that only hears notifications (a stand-in for another instance in tests). */
  constructor(
    private db: Db,
    private opts: { local?: boolean; retryMs?: number } = {},
  ) {
    this.retryMs = opts.retryMs ?? 200;
  }

  /** True while the listening connection is up: only then may a cache serve from memory. */
  get live(): boolean {
    return this.connected;
  }

  /** Opens the listening connection (reference counted: every start needs a stop). */
  start(): Promise<void> {
    this.refs++;
    if (this.refs > 1 && this.started) return this.started;
    this.stopped = false;
    if (this.opts.local !== false) localHubs.add(this);
    this.started = this.connect();
    return this.started;
  }

  async stop(): Promise<void> {
    if (this.refs > 0) this.refs--;
    if (this.refs > 0) return;
    this.stopped = true;
    localHubs.delete(this);
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const c = this.current;
    this.current = null;
    this.setDown();
    if (c) await c.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    this.retry = null;
    if (this.stopped) return;
    const client = new pg.Client({ ...clientConfig(this.db), application_name: 'xieshang-cache-listener' });
    this.current = client;
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (n) => {
      if (n.channel !== CACHE_CHANNEL || !n.payload) return;
      const [committeeId, topic, sender] = n.payload.split('|');
      // This process's own writes reached its hubs after commit already (not a stand-in hub's).
      if (sender === PROCESS_TAG && this.opts.local !== false) return;
      if (committeeId && topic) this.invalidate(committeeId, topic);
      else this.dropAll();
    });
    try {
      await client.connect();
      await client.query(`listen ${CACHE_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.current !== client || this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    // Whatever was written while nobody listened is unknown: start from nothing.
    this.dropAll();
    this.connected = true;
    this.retryMs = this.opts.retryMs ?? 200;
  }

  private lost(client: pg.Client) {
    if (this.current !== client) return;
    this.current = null;
    this.setDown();
    client.end().catch(() => {});
    if (this.stopped || this.retry) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    this.retry = setTimeout(() => void this.connect(), wait);
    this.retry.unref();
  }

  private setDown() {
    this.connected = false;
    this.dropAll();
  }

  /** For tests: cuts the listening connection as a network failure would. */
  simulateConnectionLoss(): void {
    const c = this.current;
    if (c) (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }

  subscribe(s: { onInvalidate: Invalidation; onDropAll: () => void }): () => void {
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  invalidate(committeeId: string, topic: string): void {
    for (const s of this.subscribers) s.onInvalidate(committeeId, topic);
  }

  dropAll(): void {
    this.epoch++;
    for (const s of this.subscribers) s.onDropAll();
  }

  /** Tells the other instances (and this one, through its own listener) that a topic changed. */
  publish(committeeId: string, topic: string): Promise<void> {
    invalidateLocally(committeeId, topic);
    return notifyInvalidation(this.db, committeeId, topic);
  }

  /**
   * The named cache of this hub, dropped by writes that touch any of `topics`. Bounded by
   * `maxWeight` (entries count 1 each, or `weigh(value)`, e.g. a string's length): when full, it
   * starts again from empty.
   */
  table<V>(name: string, topics: string[], opts: { maxWeight?: number; weigh?: (v: V) => number } = {}): TopicCache<V> {
    let t = this.tables.get(name);
    if (!t) {
      t = new TopicCache<unknown>(this, topics, opts.maxWeight ?? 20_000, opts.weigh as ((v: unknown) => number) | undefined);
      this.tables.set(name, t);
    }
    return t as TopicCache<V>;
  }
}

/** Values per committee and key; a committee's entries go when one of the topics is touched for it. */
export class TopicCache<V> {
  private byCommittee = new Map<string, Map<string, V>>();
  private generations = new Map<string, number>();
  private size = 0;
  private count = 0;

  constructor(
    private hub: CacheHub,
    private topics: string[],
    private maxWeight: number,
    private weigh: (v: V) => number = () => 1,
  ) {
    hub.subscribe({
      onInvalidate: (committeeId, topic) => {
        if (!this.topics.includes(topic)) return;
        if (committeeId === ALL_COMMITTEES) return this.clear();
        this.generations.set(committeeId, (this.generations.get(committeeId) ?? 0) + 1);
        const m = this.byCommittee.get(committeeId);
        if (m) {
          for (const v of m.values()) this.size -= this.weigh(v);
          this.count -= m.size;
          this.byCommittee.delete(committeeId);
        }
      },
      onDropAll: () => this.clear(),
    });
  }

  private clear() {
    this.byCommittee.clear();
    this.size = 0;
    this.count = 0;
  }

  /** The cached value, if the hub is live and it is there. */
  peek(committeeId: string, key: string): V | undefined {
    if (!this.hub.live) return undefined;
    return this.byCommittee.get(committeeId)?.get(key);
  }

  /** A stamp to take before loading; `put` keeps the value only if nothing changed since. */
  stamp(committeeId: string): string {
    return this.hub.epoch + '.' + (this.generations.get(committeeId) ?? 0);
  }

  put(committeeId: string, key: string, value: V, stamp: string): void {
    if (!this.hub.live || this.stamp(committeeId) !== stamp) return;
    const w = this.weigh(value);
    if (w > this.maxWeight) return;
    if (this.size + w > this.maxWeight) this.clear();
    let m = this.byCommittee.get(committeeId);
    if (!m) this.byCommittee.set(committeeId, (m = new Map()));
    const old = m.get(key);
    if (old !== undefined) this.size -= this.weigh(old);
    else this.count++;
    m.set(key, value);
    this.size += w;
  }

  async get(committeeId: string, key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(committeeId, key);
    if (hit !== undefined) return hit;
    const stamp = this.stamp(committeeId);
    const v = await load();
    this.put(committeeId, key, v, stamp);
    return v;
  }

  get entries(): number {
    return this.count;
  }
}
