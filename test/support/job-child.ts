/**
 * A server's job engine in a child process, for the crash test (test/jobs.test.ts): it takes the
 * delivery of subscriber XS_SUBSCRIBER, writes a 'started' row to job_runs and never finishes —
 * until the test SIGKILLs it.
 */
import { sql } from 'drizzle-orm';
import { connect } from '../../src/platform/db/database.js';
import { eventBus } from '../../src/platform/events.js';
import { JobEngine } from '../../src/platform/jobs.js';

const url = process.env.DATABASE_URL!;
const name = process.env.XS_SUBSCRIBER!;
const { db } = connect(url, 2);
eventBus.subscribe(name, name, async () => {
  await db.execute(sql`insert into job_runs (job, status, pid) values (${name}, 'started', ${process.pid})`);
  await new Promise(() => {});
});
const quiet = { info: () => {}, error: (o: object, m: string) => console.error(m, o) };
await new JobEngine({ url, db }, quiet, { pollMs: 200 }).start([]);
console.log('ready');
