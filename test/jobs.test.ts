import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connect } from '../src/platform/db/database.js';
import { JobScheduler, type JobDef } from '../src/platform/jobs.js';
import { testDatabase } from './support/db.js';
import { uniq } from './support/factories.js';
import { waitFor } from './support/wait.js';

const silent = { info: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runsOf(job: string) {
  const { rows } = await testDatabase().db.execute<{ status: string; detail: string | null; pid: number; finished: boolean }>(
    sql`select status, detail, pid, finished_at is not null as finished from job_runs where job = ${job} order by id`);
  return rows;
}

describe('job scheduler', () => {
  // A second connection pool, as a second server process on the same database would have.
  const other = connect(testDatabase().url, 2);
  afterAll(() => other.pool.end());

  it('two instances running the same job at the same moment: exactly one runs it', async () => {
    const name = uniq('job');
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const job: JobDef = {
      name,
      everyMs: 60_000,
      async run() {
        runs++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await sleep(300);
        concurrent--;
        return 'ran';
      },
    };
    const a = new JobScheduler(testDatabase().db, silent);
    const b = new JobScheduler(other.db, silent);
    const results = await Promise.all([a.runOnce(job), b.runOnce(job), a.runOnce(job), b.runOnce(job)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(maxConcurrent).toBe(1);
    const rows = await runsOf(name);
    expect(rows).toEqual([{ status: 'succeeded', detail: 'ran', pid: process.pid, finished: true }]);
  });

  it('an instance does not run a job again within its interval after another instance ran it', async () => {
    const name = uniq('job');
    let runs = 0;
    const job: JobDef = { name, everyMs: 60_000, run: async () => void runs++ };
    const a = new JobScheduler(testDatabase().db, silent);
    const b = new JobScheduler(other.db, silent);
    expect(await a.runOnce(job)).toBe(true);
    expect(await b.runOnce(job)).toBe(false);
    expect(await a.runOnce(job)).toBe(false);
    expect(runs).toBe(1);
    // A job whose interval has passed runs again.
    const quick: JobDef = { name: uniq('job'), everyMs: 100, run: async () => void runs++ };
    expect(await a.runOnce(quick)).toBe(true);
    await sleep(150);
    expect(await b.runOnce(quick)).toBe(true);
    expect(runs).toBe(3);
  });

  it('a failing job is recorded as failed and may be retried at once', async () => {
    const name = uniq('job');
    let attempt = 0;
    const errors: unknown[] = [];
    const job: JobDef = {
      name,
      everyMs: 60_000,
      async run() {
        if (++attempt === 1) throw new Error('boom');
        return 'second time lucky';
      },
    };
    const s = new JobScheduler(testDatabase().db, { info: () => {}, error: (o) => errors.push(o) });
    expect(await s.runOnce(job)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(await s.runOnce(job)).toBe(true);
    const rows = await runsOf(name);
    expect(rows.map((r) => [r.status, r.detail])).toEqual([
      ['failed', 'Error: boom'],
      ['succeeded', 'second time lucky'],
    ]);
  });

  it('start() ticks on its interval and stop() waits for a running job', async () => {
    const name = uniq('job');
    let runs = 0;
    const s = new JobScheduler(testDatabase().db, silent);
    s.start([{ name, everyMs: 200, run: async () => { runs++; await sleep(50); } }]);
    await waitFor(() => expect(runs).toBeGreaterThanOrEqual(1)); // not a fixed sleep: a busy machine may take longer than a tick
    await s.stop();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(1);
    await sleep(400);
    expect(runs).toBe(after);
  });
});
