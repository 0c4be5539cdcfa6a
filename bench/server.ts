import Fastify from 'fastify';
import { loadConfig } from '../src/config/index.js';
import { createApp } from '../src/main.js';
import { openDatabase } from '../src/platform/db/database.js';

/**
 * The bench's server process (forked by bench/child.ts): the real application and, on another
 * port, a bare Fastify instance with one route that returns a constant JSON body (the
 * baseline). Both run in this one process, so they are measured under the same conditions.
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
  JOBS_ENABLED: 'false',
  WEB_DIST_DIR: '/nonexistent',
});
const database = await openDatabase(config, { command: 'bench-server' });
const { app } = await createApp(config, database, { logger: false });
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
  await Promise.allSettled([app.close(), bare.close()]);
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);

process.send({ type: 'ready', appPort: portOf(app.server.address()), barePort: portOf(bare.server.address()) });
