import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, runMigrations } from '../../src/platform/db/database.js';
import { freePort } from '../../src/platform/db/embedded.js';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedPerformanceDemo } from '../../src/modules/performance/seed/demo.js';
import { committeesWithEvents, replayEvents } from '../../src/modules/performance/commands/replay-events.js';
import { startServer } from '../../src/main.js';
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
    log(await seedDemo(database.db));
    log(await seedPerformanceDemo(database.db));
    await seedProposalsDemo(database.db);
    log(await seedSocialInfoDemoSummary(database.db));
    // The seeds run before the server subscribes to events, so the duty credits they emit are made by
    // the server's replay job after it starts — while the first specs run, whose before/after counts
    // then moved by credits that were not theirs. Made here, the demo is complete before any spec.
    const since = new Date(started).toISOString();
    let credited = 0;
    for (const c of await committeesWithEvents(database.db, since)) credited += (await replayEvents(database.db, c, since)).created;
    log(`demo duty credits from events: ${credited} records in ${Date.now() - started} ms since start`);
    server = await startServer(config, database);
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
