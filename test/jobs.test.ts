import crypto from 'node:crypto';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { connect } from '../src/platform/db/database.js';
import { eventBus } from '../src/platform/events.js';
import { transact } from '../src/platform/db/unit-of-work.js';
import { chinaCronToUtc, pendingJobCount, type JobDef, type JobEngine } from '../src/platform/jobs.js';
import { modulesFor } from '../src/main.js';
import { loadConfig } from '../src/config/index.js';
import { testDatabase } from './support/db.js';
import { uniq } from './support/factories.js';
import { startEngine } from './support/jobs.js';

async function runsOf(job: string) {
  const { rows } = await testDatabase().db.execute<{ status: string; detail: string | null; pid: number }>(
    sql`select status, detail, pid from job_runs where job = ${job} order by id`);
  return rows;
}

const engines: JobEngine[] = [];
afterEach(async () => {
  while (engines.length) await engines.pop()!.stop();
});

describe('schedules in China time', () => {
  it('moves the hour to UTC (UTC+8, no daylight saving) and refuses what it cannot move', () => {
    expect(chinaCronToUtc('0 8 * * *')).toBe('0 0 * * *');
    expect(chinaCronToUtc('30 3 * * *')).toBe('30 19 * * *');
    expect(chinaCronToUtc('0 9,18 * * *')).toBe('0 1,10 * * *');
    expect(chinaCronToUtc('15 * * * *')).toBe('15 * * * *');
    expect(chinaCronToUtc('0 */6 * * *')).toBe('0 */6 * * *');
    // 10:00 on Mondays stays on Monday in UTC (02:00); 03:00 on Mondays would be Sunday 19:00.
    expect(chinaCronToUtc('0 10 * * 1')).toBe('0 2 * * 1');
    expect(() => chinaCronToUtc('0 3 * * 1')).toThrow(/crosses a day/);
    expect(() => chinaCronToUtc('0 8-10 * * *')).toThrow(/list of hours/);
    expect(() => chinaCronToUtc('0 8 * *')).toThrow(/5 fields/);
  });

  it('every module job has a schedule the engine accepts; the reminders go out at 08:00 China time', () => {
    const jobs = modulesFor(loadConfig({ NODE_ENV: 'test' })).flatMap((m) => m.jobs ?? []);
    expect(jobs.map((j) => j.name).sort()).toEqual(['attachments.purge_unclaimed', 'consultation.feedback_reminders', 'demands.erase_personal_data', 'network.reception_reminders', 'org.purge_expired_sessions', 'proposals.reminders']);
    for (const j of jobs) expect(() => chinaCronToUtc(j.cron)).not.toThrow();
    expect(jobs.find((j) => j.name === 'proposals.reminders')!.cron).toBe('0 8 * * *');
  });
});

describe('scheduled jobs', () => {
  it('two server instances on one database run each tick once', async () => {
    const name = uniq('job');
    const ticks: string[] = [];
    const job: JobDef = { name, cron: '* * * * *', run: async (_db, tick) => void ticks.push(tick!.at) };
    // The job last ran three minutes ago: both instances, started together, owe it the ticks since (backfill).
    await testDatabase().db.execute(sql`insert into graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
      values (${name}, now() - interval '1 hour', date_trunc('minute', now()) - interval '3 minutes')`);
    const other = connect(testDatabase().url, 4);
    try {
      engines.push(...(await Promise.all([startEngine({ jobs: [job] }), startEngine({ jobs: [job], database: { url: testDatabase().url, db: other.db } })])));
      // start() returns once the backfill has queued the missed ticks.
      await vi.waitFor(async () => {
        expect(await pendingJobCount(testDatabase().db, ['cron:' + name])).toBe(0);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
      }, { timeout: 60_000, interval: 100 });
      expect(new Set(ticks).size).toBe(ticks.length);
      const runs = await runsOf(name);
      expect(runs.length).toBe(ticks.length);
      expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    } finally {
      while (engines.length) await engines.pop()!.stop();
      await other.pool.end();
    }
  });

  it('a failing run is recorded as failed with its error', async () => {
    const name = uniq('job');
    const job: JobDef = { name, cron: '* * * * *', run: async () => { throw new Error('磁盘已满'); } };
    await testDatabase().db.execute(sql`insert into graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
      values (${name}, now() - interval '1 hour', date_trunc('minute', now()) - interval '2 minutes')`);
    engines.push(await startEngine({ jobs: [job] }));
    await vi.waitFor(async () => expect((await runsOf(name))[0]).toMatchObject({ status: 'failed', detail: 'Error: 磁盘已满', pid: process.pid }), { timeout: 60_000 });
  });
});

describe('a server killed in the middle of a job', () => {
  it('runs the job again after the restart', async () => {
    const db = testDatabase().db;
    const name = uniq('crash');
    // This process is the server after the restart: its subscriber finishes the job.
    const off = eventBus.subscribe(name, name, async () => {
      await db.execute(sql`insert into job_runs (job, status, pid) values (${name}, 'finished', ${process.pid})`);
    });
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/job-child.ts')], {
      env: { ...process.env, DATABASE_URL: testDatabase().url, XS_SUBSCRIBER: name },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await transact(db, { userId: null, label: 'test' }, (uow) => uow.emit({ type: name, committeeId: crypto.randomUUID(), entityId: 'k' }));
      // The child has taken the job and is in the middle of it.
      await vi.waitFor(async () => expect((await runsOf(name)).map((r) => r.status)).toEqual(['started']), { timeout: 90_000, interval: 100 });
      child.kill('SIGKILL');
      await exited;
      // The restart: a new engine finds the job locked by a worker nobody holds the lock of any more, and runs it.
      engines.push(await startEngine({ sweepMs: 200, sweepGraceMs: 0 }));
      await vi.waitFor(async () => expect((await runsOf(name)).map((r) => r.status)).toEqual(['started', 'finished']), { timeout: 60_000, interval: 100 });
      const runs = await runsOf(name);
      expect(runs[0].pid).toBe(child.pid);
      expect(runs[1].pid).toBe(process.pid);
      await vi.waitFor(async () => expect(await pendingJobCount(db, ['event:' + name])).toBe(0), { timeout: 30_000 });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      off();
    }
  }, 240_000);
});
