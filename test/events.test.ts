import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { eventBus, type StoredEvent } from '../src/platform/events.js';
import { connect } from '../src/platform/db/database.js';
import { transact } from '../src/platform/db/unit-of-work.js';
import { listFailedJobs, retryJob, type JobEngine } from '../src/platform/jobs.js';
import { modulesFor } from '../src/main.js';
import { loadConfig } from '../src/config/index.js';
import { loginAs, testApp } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser, uniq } from './support/factories.js';
import { startEngine } from './support/jobs.js';

const actor = { userId: null, label: 'test' };
const run = promisify(execFile);

async function storedEvents(type: string) {
  const { rows } = await testDatabase().db.execute<{ type: string; entity_id: string; payload: unknown }>(
    sql`select type, entity_id, payload from domain_events where type = ${type} order by id`);
  return rows;
}

/** The queued deliveries of one subscriber (its task), done ones are gone from the queue. */
async function queued(subscriber: string) {
  const { rows } = await testDatabase().db.execute<{ n: number }>(
    sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${'event:' + subscriber}`);
  return rows[0].n;
}

/** The subscribers a test registers, then an engine that knows them (it takes the tasks it knows at start). */
async function withEngine(subscribe: () => void, opts: Parameters<typeof startEngine>[0] = {}): Promise<JobEngine> {
  subscribe();
  const engine = await startEngine(opts);
  engines.push(engine);
  return engine;
}
const engines: JobEngine[] = [];
const unsubscribe: (() => void)[] = [];

describe('domain events, delivered by the job engine', () => {
  afterEach(async () => {
    while (engines.length) await engines.pop()!.stop();
    while (unsubscribe.length) unsubscribe.pop()!();
  });

  it('are heard only after the commit, and by then the change is visible to everyone', async () => {
    const db = testDatabase().db;
    const type = uniq('test.happened');
    const name = uniq('sub');
    const committeeId = crypto.randomUUID();
    const heard: { event: StoredEvent; visible: number }[] = [];
    await withEngine(() =>
      unsubscribe.push(eventBus.subscribe(name, type, async (event) => {
        // Another connection sees the stored event: the transaction has committed.
        const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from domain_events where type = ${type}`);
        heard.push({ event, visible: rows[0].n });
      })));
    await transact(db, actor, async (uow) => {
      await uow.emit({ type, committeeId, entityId: 'e1', payload: { a: 1 } });
      await uow.emit({ type, committeeId, entityId: 'e2', payload: { a: 2 } });
      // Still inside the transaction: neither the events nor their deliveries are visible outside.
      const outside = await db.execute<{ n: number }>(sql`select count(*)::int as n from domain_events where type = ${type}`);
      expect(outside.rows[0].n).toBe(0);
      expect(await queued(name)).toBe(0);
    });
    await vi.waitFor(() => expect(heard).toHaveLength(2), { timeout: 30_000 });
    expect(heard.map((h) => h.event.entityId).sort()).toEqual(['e1', 'e2']);
    expect(heard.every((h) => h.visible === 2)).toBe(true);
    // The subscriber gets the stored row: its id and commit-time timestamp.
    expect(heard.every((h) => h.event.id > 0 && !Number.isNaN(Date.parse(h.event.createdAt)))).toBe(true);
    expect(heard.find((h) => h.event.entityId === 'e1')!.event).toMatchObject({ type, committeeId, payload: { a: 1 } });
    expect(await storedEvents(type)).toEqual([
      { type, entity_id: 'e1', payload: { a: 1 } },
      { type, entity_id: 'e2', payload: { a: 2 } },
    ]);
    await vi.waitFor(async () => expect(await queued(name)).toBe(0), { timeout: 30_000 });
  });

  it('are never stored, queued nor heard when the transaction rolls back', async () => {
    const db = testDatabase().db;
    const type = uniq('test.rolled_back');
    const name = uniq('sub');
    const heard: StoredEvent[] = [];
    unsubscribe.push(eventBus.subscribe(name, type, (e) => void heard.push(e)));
    await expect(
      transact(db, actor, async (uow) => {
        await uow.emit({ type, committeeId: crypto.randomUUID(), payload: {} });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await storedEvents(type)).toEqual([]);
    expect(await queued(name)).toBe(0);
    expect(heard).toEqual([]);
  });

  it('one subscriber failing affects neither the change nor the other subscribers', async () => {
    const db = testDatabase().db;
    const type = uniq('test.partly_failing');
    const heard: string[] = [];
    await withEngine(() => {
      unsubscribe.push(eventBus.subscribe(uniq('broken'), type, () => { throw new Error('listener broke'); }, { maxAttempts: 1 }));
      unsubscribe.push(eventBus.subscribe(uniq('fine'), type, (e) => void heard.push(e.entityId!)));
      unsubscribe.push(eventBus.subscribe(uniq('everything'), '*', (e) => void (e.type === type && heard.push('*' + e.entityId))));
    });
    await transact(db, actor, (uow) => uow.emit({ type, committeeId: crypto.randomUUID(), entityId: 'x' }));
    expect(await storedEvents(type)).toHaveLength(1);
    await vi.waitFor(() => expect(heard.sort()).toEqual(['*x', 'x']), { timeout: 30_000 });
  });

  it('a subscriber registered twice under one name (init run twice) hears each event once', async () => {
    const db = testDatabase().db;
    const type = uniq('test.once');
    const name = uniq('sub');
    const first: string[] = [];
    const second: string[] = [];
    await withEngine(() => {
      unsubscribe.push(eventBus.subscribe(name, type, (e) => void first.push(e.entityId!)));
      unsubscribe.push(eventBus.subscribe(name, type, (e) => void second.push(e.entityId!)));
    });
    expect(eventBus.subscribersOf(type)).toHaveLength(1);
    await transact(db, actor, (uow) => uow.emit({ type, committeeId: crypto.randomUUID(), entityId: 'only' }));
    await vi.waitFor(async () => expect(await queued(name)).toBe(0), { timeout: 30_000 });
    expect([first, second]).toEqual([[], ['only']]);
  });

  it("the modules' init run twice (`xieshang demo` seeds, then starts the server) registers each subscriber once", () => {
    const modules = modulesFor(loadConfig({ NODE_ENV: 'test' }));
    for (let i = 0; i < 2; i++) for (const m of modules) m.init?.(testDatabase().db);
    expect(eventBus.subscribersOf('proposals.submitted').map((s) => s.name)).toEqual(['performance.duty_records']);
    expect(eventBus.subscribersOf('duty.recorded').map((s) => s.name)).toEqual(['performance.duty_records']);
  });

  it('two server instances on one database deliver each event once', async () => {
    const db = testDatabase().db;
    // A second connection pool, as a second server process on the same database would have.
    const other = connect(testDatabase().url, 4);
    const type = uniq('test.two_instances');
    const name = uniq('sub');
    const heard = new Map<number, number>();
    unsubscribe.push(eventBus.subscribe(name, type, (e) => void heard.set(e.id, (heard.get(e.id) ?? 0) + 1)));
    const a = await startEngine();
    const b = await startEngine({ database: { url: testDatabase().url, db: other.db } });
    engines.push(a, b);
    try {
      const committeeId = crypto.randomUUID();
      for (let i = 0; i < 40; i++) await transact(db, actor, (uow) => uow.emit({ type, committeeId, entityId: String(i) }));
      await vi.waitFor(() => expect(heard.size).toBe(40), { timeout: 60_000 });
      await vi.waitFor(async () => expect(await queued(name)).toBe(0), { timeout: 30_000 });
      expect([...heard.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await other.pool.end();
    }
  });
});

describe('a subscriber that keeps failing', () => {
  let admin: { request: (o: object) => Promise<{ statusCode: number; json(): unknown }> };
  let staff: typeof admin;
  let committeeId: string;
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    const db = testDatabase().db;
    app = await testApp();
    const c = await makeCommittee(db);
    committeeId = c.id;
    admin = await loginAs(app, (await makeUser(db, c.id, [], { admin: true })).username);
    staff = await loginAs(app, (await makeUser(db, c.id, [{ role: 'staff', office: 'general' }])).username);
  });
  afterAll(async () => {
    while (engines.length) await engines.pop()!.stop();
    while (unsubscribe.length) unsubscribe.pop()!();
    await app?.close();
  });

  it('is retried with backoff, then shown as failed to the admin (route and CLI), and runs again on retry', async () => {
    const db = testDatabase().db;
    const type = uniq('test.failing');
    const name = uniq('flaky');
    let attempts = 0;
    let healed = false;
    const delivered: number[] = [];
    await withEngine(() =>
      unsubscribe.push(eventBus.subscribe(name, type, (e) => {
        attempts++;
        if (!healed) throw new Error(`下游服务不可用 attempt ${attempts}`);
        delivered.push(e.id);
      }, { maxAttempts: 3 })));
    await transact(db, actor, (uow) => uow.emit({ type, committeeId, entityId: 'f1', payload: { n: 1 } }));
    // Three attempts (the retries come after exp(1) ≈ 2.7 s and exp(2) ≈ 7.4 s), then given up.
    const failed = await vi.waitFor(async () => {
      const mine = (await listFailedJobs(db)).find((j) => j.task === 'event:' + name);
      expect(mine?.failed).toBe(true);
      return mine!;
    }, { timeout: 90_000, interval: 200 });
    expect(attempts).toBe(3);
    expect(failed).toMatchObject({ attempts: 3, maxAttempts: 3, lastError: expect.stringContaining('下游服务不可用 attempt 3') });

    // The admin's view; a committee role gets 403.
    const view = await admin.request({ method: 'GET', url: '/api/jobs/failed?givenUp=true', committeeId });
    expect(view.statusCode).toBe(200);
    const items = (view.json() as { items: { id: string; task: string; failed: boolean }[] }).items;
    expect(items.find((j) => j.id === failed.id)).toMatchObject({ task: 'event:' + name, failed: true });
    expect((await staff.request({ method: 'GET', url: '/api/jobs/failed', committeeId })).statusCode).toBe(403);

    // The CLI, on the same database.
    const env = { ...process.env, DATABASE_URL: testDatabase().url, LOG_LEVEL: 'silent' };
    const list = await run('node', ['bin/xieshang.mjs', 'jobs', 'failed', '--given-up'], { env });
    expect(list.stdout).toContain(`${failed.id}\tevent:${name}\t3/3\t已放弃 given up`);
    expect(list.stdout).toContain('下游服务不可用 attempt 3');

    // Fixed downstream; the admin retries it from the CLI and it is delivered.
    healed = true;
    const retried = await run('node', ['bin/xieshang.mjs', 'jobs', 'retry', failed.id], { env });
    expect(retried.stdout).toContain(`job ${failed.id} will run again now`);
    await vi.waitFor(() => expect(delivered).toHaveLength(1), { timeout: 30_000 });
    await vi.waitFor(async () => expect(await queued(name)).toBe(0), { timeout: 30_000 });
    expect((await listFailedJobs(db)).some((j) => j.id === failed.id)).toBe(false);
    // An unknown id is refused, not an error with a stack trace.
    await expect(run('node', ['bin/xieshang.mjs', 'jobs', 'retry', '999999999'], { env })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no job with id 999999999') });
    expect(await retryJob(db, 'not-a-number')).toBe(false);
    // Three attempts with backoff (about 10 s) and three CLI runs (each starts tsx and migrates: seconds on a busy machine).
  }, 240_000);
});
