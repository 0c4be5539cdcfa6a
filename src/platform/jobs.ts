import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { parseCronItems, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { quietLogger, quietPool, type Log } from './db/job-queue.js';
export { migrateJobQueue } from './db/job-queue.js';
import type { Db } from './db/database.js';
import { EVENT_TASK_PREFIX, eventBus, type EventBus, type StoredEvent } from './events.js';

/**
 * Scheduled jobs and event deliveries, on graphile-worker (its tables live in the
 * `graphile_worker` schema of the application's database; the engine runs inside the server
 * process). Why this engine, with the figures measured: docs/architecture.md, "Jobs and event
 * delivery".
 *
 * - A scheduled job runs at the times of its cron line, read in China time. Several instances
 *   may share one database: graphile-worker's known_crontabs row lets one of them queue each
 *   tick, and a queued job is locked by one worker. Each run is recorded in job_runs.
 * - An event delivery is a job queued in the writer's transaction (UnitOfWork.emit), one per
 *   subscriber, retried with exponential backoff (graphile-worker: exp(min(attempts, 10)) s)
 *   until the subscriber's maxAttempts, then left as failed for the admin to see and retry.
 * - A job whose server died mid-run is locked by a worker that no longer exists. Each instance
 *   holds a session advisory lock per worker it runs; the sweep frees the jobs of workers whose
 *   lock nobody holds (their connection died with their process), so the job runs again.
 */
export interface JobDef {
  name: string;
  /**
   * When it runs: a cron line (minute hour day month weekday) in China time, Asia/Shanghai
   * (UTC+8 all year, no daylight saving), e.g. '0 8 * * *' for 08:00 every day.
   */
  cron: string;
  /** `tick.at`: the scheduled minute this run is for (UTC ISO), one run per tick across instances. */
  run(db: Db, tick?: { at: string }): Promise<string | void>;
}

export const CRON_TASK_PREFIX = 'cron:';
const CHINA_OFFSET_HOURS = 8;

/**
 * The cron line in UTC, which graphile-worker matches against. Only the hour field moves; a day
 * boundary crossed by the shift is refused when the line also names days, since those would
 * have to move with it.
 */
export function chinaCronToUtc(line: string): string {
  const f = line.trim().split(/\s+/);
  if (f.length !== 5) throw new Error(`cron line needs 5 fields: ${line}`);
  const [minute, hour, dom, month, dow] = f;
  if (hour === '*' || hour.startsWith('*/')) {
    if (hour.startsWith('*/') && 24 % Number(hour.slice(2)) !== 0) throw new Error(`cron hour step must divide 24: ${line}`);
    return f.join(' ');
  }
  if (!/^\d+(,\d+)*$/.test(hour)) throw new Error(`cron hour must be *, */n or a list of hours: ${line}`);
  const hours = hour.split(',').map(Number);
  if (hours.some((h) => h > 23)) throw new Error(`cron hour out of range: ${line}`);
  const wraps = hours.some((h) => h < CHINA_OFFSET_HOURS);
  if (wraps && (dom !== '*' || month !== '*' || dow !== '*')) throw new Error(`cron line crosses a day in UTC; name every day or a later hour: ${line}`);
  const utc = hours.map((h) => (h - CHINA_OFFSET_HOURS + 24) % 24).sort((a, b) => a - b);
  return [minute, utc.join(','), dom, month, dow].join(' ');
}



export interface EngineOptions {
  /** Jobs run side by side in this process. */
  concurrency?: number;
  /** How often to look for jobs due later (retries, run_at); new jobs arrive by LISTEN/NOTIFY at once. */
  pollMs?: number;
  /** How often to look for jobs of dead workers. */
  sweepMs?: number;
  /** A job locked for less than this is not swept (its worker may still be taking its advisory lock). */
  sweepGraceMs?: number;
}

export class JobEngine {
  private runner?: Runner;
  private pool?: pg.Pool;
  private holder?: pg.PoolClient;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private ownWorkers = new Set<string>();
  /** The holder connection runs one query at a time: its uses are chained. */
  private holderQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private database: { url: string; db: Db },
    private log: Log,
    private opts: EngineOptions = {},
  ) {}

  /** Starts the workers for the given scheduled jobs and every subscriber the bus knows now. */
  async start(jobs: JobDef[], bus: EventBus = eventBus): Promise<void> {
    const db = this.database.db;
    const concurrency = this.opts.concurrency ?? 4;
    // Its own pool: one connection LISTENs, one holds the worker locks, the rest run jobs.
    this.pool = quietPool(new pg.Pool({ connectionString: this.database.url, max: concurrency + 3 }));
    this.holder = await this.pool.connect();
    const taskList: TaskList = {};
    for (const sub of bus.all()) {
      taskList[EVENT_TASK_PREFIX + sub.name] = async (payload) => {
        const event = await loadEvent(db, Number((payload as { eventId: number }).eventId));
        // An event removed since (a committee deleted) has nobody left to hear it.
        if (event) await sub.handler(event);
      };
    }
    for (const job of jobs) {
      taskList[CRON_TASK_PREFIX + job.name] = (payload) => this.runScheduled(job, (payload as { _cron?: { ts?: string } })._cron?.ts);
    }
    const parsedCronItems = parseCronItems(
      jobs.map((j) => ({
        task: CRON_TASK_PREFIX + j.name,
        identifier: j.name,
        match: chinaCronToUtc(j.cron),
        // A tick missed while every server was down within the last hour still runs (a restart at 08:00).
        options: { backfillPeriod: 3600_000, maxAttempts: 3 },
      })),
    );
    // Our emitter, passed in, so that no worker is created before we listen.
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => void this.own(worker.workerId));
    // After its backfill (ticks missed within backfillPeriod) the cron has queued what it owes.
    const cronStarted = new Promise<void>((resolve) => events.once('cron:started', () => resolve()));
    events.on('job:error', ({ job, error }) =>
      this.log.error({ job: job.task_identifier, id: job.id, attempt: job.attempts, of: job.max_attempts, err: error }, 'job failed'));
    this.runner = await run({
      pgPool: this.pool,
      concurrency,
      pollInterval: this.opts.pollMs ?? 2000,
      noHandleSignals: true,
      taskList,
      parsedCronItems,
      events,
      logger: quietLogger(this.log),
    });
    if (jobs.length) await cronStarted;
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.opts.sweepMs ?? 30_000);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.sweeping;
    await this.runner?.stop();
    await this.holderQueue;
    this.holder?.release();
    await this.pool?.end().catch(() => {});
    this.runner = undefined;
  }

  /** Holds this worker's advisory lock for as long as this process's connection lives. */
  private async own(workerId: string) {
    if (this.ownWorkers.has(workerId)) return;
    this.ownWorkers.add(workerId);
    await this.onHolder(async () => {
      await this.holder?.query('select pg_advisory_lock(hashtextextended($1, 0))', ['xs-worker:' + workerId]);
    }).catch(() => {});
  }

  /**
   * A new holder connection after the old one was lost (database restart): it takes our workers'
   * locks again. Until then another instance may have freed our running jobs; they run twice,
   * which at-least-once delivery allows.
   */
  private async reconnectHolder(): Promise<void> {
    if (!this.pool || !this.runner) return;
    const c = await this.pool.connect();
    for (const id of this.ownWorkers) await c.query('select pg_advisory_lock(hashtextextended($1, 0))', ['xs-worker:' + id]);
    this.holder = c;
  }

  private onHolder<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.holderQueue.then(fn, fn);
    this.holderQueue = next.catch(() => {});
    return next;
  }

  /** Frees the jobs of workers that are gone: nobody holds their advisory lock. */
  sweep(): Promise<void> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = this.onHolder(async () => {
      if (!this.holder) await this.reconnectHolder();
      const c = this.holder;
      if (!c) return;
      const { rows } = await c.query<{ locked_by: string }>(
        `select distinct locked_by from graphile_worker.jobs
          where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
        [(this.opts.sweepGraceMs ?? 60_000) / 1000],
      );
      for (const { locked_by: id } of rows) {
        if (this.ownWorkers.has(id)) continue;
        const key = 'xs-worker:' + id;
        const got = await c.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [key]);
        if (!got.rows[0]?.ok) continue;
        await c.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        await c.query('select graphile_worker.force_unlock_workers(array[$1]::text[])', [id]);
        this.log.info({ worker: id }, 'freed the jobs of a worker that is gone');
      }
    })
      .catch((err) => {
        this.log.error({ err }, 'job sweep failed');
        // A broken connection is dropped; the next sweep connects again.
        this.holder?.release(err instanceof Error ? err : true);
        this.holder = undefined;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async runScheduled(job: JobDef, at: string | undefined): Promise<void> {
    const db = this.database.db;
    const started = await db.execute<{ id: number }>(
      sql`insert into job_runs (job, status, pid) values (${job.name}, 'running', ${process.pid}) returning id`);
    const id = started.rows[0].id;
    try {
      const detail = await job.run(db, at ? { at } : undefined);
      await db.execute(sql`update job_runs set status = 'succeeded', finished_at = now(), detail = ${detail ?? null} where id = ${id}`);
      this.log.info({ job: job.name }, 'job done');
    } catch (err) {
      await db.execute(sql`update job_runs set status = 'failed', finished_at = now(), detail = ${String(err)} where id = ${id}`);
      throw err;
    }
  }
}

async function loadEvent(db: Db, id: number): Promise<StoredEvent | null> {
  const { rows } = await db.execute<{ id: number; type: string; committee_id: string; entity_id: string | null; payload: unknown; created_at: string }>(
    sql`select id, type, committee_id, entity_id, payload, created_at from domain_events where id = ${id}`);
  const r = rows[0];
  return r ? { id: Number(r.id), type: r.type, committeeId: r.committee_id, entityId: r.entity_id, payload: r.payload, createdAt: new Date(r.created_at).toISOString() } : null;
}

/** A job that used up its attempts (or is still retrying after an error), for the admin. */
export interface FailedJob {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** Given up (attempts used up, not running) rather than waiting for its next retry or running it. */
  failed: boolean;
  runAt: string;
  createdAt: string;
  payload: unknown;
}

/** Jobs that failed at least once and have not succeeded since, given up first. */
export async function listFailedJobs(db: Db, opts: { onlyGivenUp?: boolean; limit?: number } = {}): Promise<FailedJob[]> {
  const { rows } = await db.execute<{
    id: string; task_identifier: string; attempts: number; max_attempts: number; last_error: string | null;
    run_at: string; created_at: string; payload: unknown; given_up: boolean;
  }>(sql`
    select j.id::text as id, j.task_identifier, j.attempts, j.max_attempts, j.last_error, j.run_at, j.created_at, p.payload,
           (j.attempts >= j.max_attempts and j.locked_at is null) as given_up
    from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
    where j.last_error is not null ${opts.onlyGivenUp ? sql`and j.attempts >= j.max_attempts and j.locked_at is null` : sql``}
    order by given_up desc, j.updated_at desc
    limit ${opts.limit ?? 200}`);
  return rows.map((r) => ({
    id: r.id, task: r.task_identifier, attempts: r.attempts, maxAttempts: r.max_attempts, lastError: r.last_error,
    failed: r.given_up, runAt: new Date(r.run_at).toISOString(), createdAt: new Date(r.created_at).toISOString(), payload: r.payload,
  }));
}

/** Runs a failed job again now, with its attempts reset. Returns false when there is no such job. */
export async function retryJob(db: Db, id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false;
  const { rows } = await db.execute(sql`select id from graphile_worker.reschedule_jobs(array[${id}::bigint], run_at => now(), attempts => 0)`);
  return rows.length > 0;
}

/** Jobs waiting or running (for start-up checks and tests that wait for the queue to drain). */
export async function pendingJobCount(db: Db, tasks?: string[]): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from graphile_worker.jobs
    where (attempts < max_attempts or locked_at is not null) ${tasks ? sql`and task_identifier in (select jsonb_array_elements_text(${JSON.stringify(tasks)}::jsonb))` : sql``}`);
  return rows[0].n;
}
