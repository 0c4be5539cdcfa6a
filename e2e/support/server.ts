import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, runMigrations } from '../../src/platform/db/database.js';
import { freePort } from '../../src/platform/db/embedded.js';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedPerformanceDemo } from '../../src/modules/performance/seed/demo.js';
import { modulesFor, startServer } from '../../src/main.js';
import { pendingJobCount } from '../../src/platform/jobs.js';
import { seedProposalsDemo } from '../../src/modules/proposals/seed/demo.js';
import { seedSocialInfoDemoSummary } from '../../src/modules/social-info/seed/demo.js';

export interface TestServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real server, in this process: a fresh embedded PostgreSQL in a temporary folder, the
 * migrations, the demo data (about 20 s) and the built web app from dist/web (run
 * `npm run build:web` first; `npm run test:e2e` does).
 */
export async function startTestServer(log: (m: string) => void = () => {}): Promise<TestServer> {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build:web` before the browser specs');
  }
  const dir = path.join(os.tmpdir(), `xieshang-e2e-${process.pid}-${Date.now()}`);
  // The embedded cluster runs as the 'postgres' system user when we are root: it must reach the folder.
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    XIESHANG_DATA_DIR: dir,
    WEB_DIST_DIR: 'dist/web',
    LOG_LEVEL: 'warn',
    // Every spec logs in several times within a minute from the same address.
    LOGIN_RATE_LIMIT: '10000',
  });
  const started = Date.now();
  const database = await openDatabase(config, { command: 'e2e', poolSize: 10 });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    await runMigrations(database.db);
    log(`database ready in ${Date.now() - started} ms; seeding demo data…`);
    // Subscribed before the seeds, as `xieshang demo` does: the seeds' events queue their deliveries
    // (duty credits) in their own transactions; the server's job engine drains them below.
    for (const m of modulesFor(config)) m.init?.(database.db);
    log(await seedDemo(database.db));
    log(await seedPerformanceDemo(database.db));
    await seedProposalsDemo(database.db);
    log(await seedSocialInfoDemoSummary(database.db));
    server = await startServer(config, database);
    // The demo is complete before any spec: otherwise credits still arriving move the first specs' before/after counts.
    const queued = await pendingJobCount(database.db);
    const draining = Date.now();
    const deadline = draining + 300_000;
    let left = queued;
    while (left > 0) {
      if (Date.now() > deadline) throw new Error(`the job queue did not drain: ${left} of ${queued} jobs left`);
      await new Promise((r) => setTimeout(r, 200));
      left = await pendingJobCount(database.db);
    }
    log(`${queued} queued jobs (the seeds' event deliveries) done in ${Date.now() - draining} ms`);
  } catch (e) {
    // Leave no PostgreSQL behind: a failed setup would otherwise keep the run from exiting.
    await database.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  log(`server on http://127.0.0.1:${port} after ${Date.now() - started} ms`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await server.stop();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
