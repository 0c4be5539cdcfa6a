import Fastify from 'fastify';
import { loadConfig } from '../src/config/index.js';
import { createApp } from '../src/main.js';
import { openDatabase } from '../src/platform/db/database.js';
import { JobEngine, pendingJobCount } from '../src/platform/jobs.js';

/**
 * The bench's server process (forked by bench/child.ts): the real application and, on another
 * port, a bare Fastify instance with one route that returns a constant JSON body (the
 * baseline). Both run in this one process, so they are measured under the same conditions.
 *
 * The job engine runs here as in a production server (startServer): the event deliveries the
 * bench's writes queue are made while it runs, so the figures include that work and the bench
 * database does not pile up undelivered jobs from run to run (it used to, with JOBS_ENABLED=false).
 * Before answering ready, the server waits for what an earlier run left queued, so a backlog is
 * not worked off during the measurements.
 *
 * Messages: parent → { type: 'payload', body } sets the bare route's body;
 *           child → { type: 'ready', appPort, barePort }, { type: 'payload-set' }.
 */
const url = process.env.BENCH_SERVER_DATABASE_URL;
if (!url || !process.send) {
  console.error('bench/server.ts is started by bench/run.ts');
  process.exit(2);
}

const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATABASE_URL: url,
  LOGIN_RATE_LIMIT: '1000000',
  DEMANDS_PUBLIC_RATE_LIMIT: '100000000',
  WEB_DIST_DIR: '/nonexistent',
});
const database = await openDatabase(config, { command: 'bench-server' });
const { app, modules } = await createApp(config, database, { logger: false });
const quiet = { info: () => {}, warn: () => {}, error: (...a: unknown[]) => console.error('bench server job:', ...a) };
const engine = new JobEngine(database, quiet);
await engine.start(modules.flatMap((m) => m.jobs ?? []));
// At most two minutes: a subscriber that keeps failing must not hold the bench.
for (const until = Date.now() + 120_000; (await pendingJobCount(database.db)) > 0 && Date.now() < until; ) {
  await new Promise((r) => setTimeout(r, 200));
}
await app.listen({ port: 0, host: '127.0.0.1' });

let payload: unknown = { items: [], total: 0 };
const bare = Fastify({ logger: false });
bare.get('/bare', async () => payload);
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (a: ReturnType<typeof app.server.address>) => (typeof a === 'object' && a ? a.port : 0);

process.on('message', (m: { type: string; body?: unknown }) => {
  if (m.type === 'payload') {
    payload = m.body;
    process.send!({ type: 'payload-set' });
  }
});

async function shutdown() {
  await Promise.allSettled([engine.stop(), app.close(), bare.close()]);
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);

process.send({ type: 'ready', appPort: portOf(app.server.address()), barePort: portOf(bare.server.address()) });
