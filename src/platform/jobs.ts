import { sql } from 'drizzle-orm';
import type { Db } from './db/database.js';

/**
 * Periodic jobs. Several instances may share one database; each tick, an instance tries a
 * PostgreSQL advisory lock named after the job and runs it only if it got the lock, so one
 * instance runs it. A run is recorded in job_runs; `minIntervalMs` stops a second instance
 * from running it again right after the first finished.
 */
export interface JobDef {
  name: string;
  everyMs: number;
  run(db: Db): Promise<string | void>;
}

export class JobScheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  constructor(
    private db: Db,
    private log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
  ) {}

  /** Runs a job now if no other instance holds its lock and it did not run within its interval. Returns whether it ran. */
  async runOnce(job: JobDef): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const got = await tx.execute<{ ok: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtextextended(${'job:' + job.name}, 0)) as ok`,
      );
      if (!got.rows[0]?.ok) return false;
      const recent = await tx.execute(sql`
        select 1 from job_runs where job = ${job.name} and status = 'succeeded'
          and finished_at > now() - make_interval(secs => ${job.everyMs / 1000 * 0.9})`);
      if (recent.rows.length) return false;
      const started = await tx.execute<{ id: number }>(
        sql`insert into job_runs (job, status, pid) values (${job.name}, 'running', ${process.pid}) returning id`,
      );
      const id = started.rows[0].id;
      try {
        const detail = await job.run(this.db);
        await tx.execute(sql`update job_runs set status = 'succeeded', finished_at = now(), detail = ${detail ?? null} where id = ${id}`);
        this.log.info({ job: job.name }, 'job done');
      } catch (err) {
        await tx.execute(sql`update job_runs set status = 'failed', finished_at = now(), detail = ${String(err)} where id = ${id}`);
        this.log.error({ job: job.name, err }, 'job failed');
      }
      return true;
    });
  }

  start(jobs: JobDef[]) {
    for (const job of jobs) {
      const tick = () => {
        const p = this.runOnce(job).catch((err) => this.log.error({ job: job.name, err }, 'job tick failed'));
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
      };
      this.timers.push(setInterval(tick, job.everyMs));
      // The first run soon after start; stop() clears it like the intervals.
      this.timers.push(setTimeout(tick, 1000).unref());
    }
  }

  async stop() {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([...this.running]);
  }
}
