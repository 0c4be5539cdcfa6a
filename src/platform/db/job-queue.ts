import pg from 'pg';
import { Logger, runMigrations as migrateQueue } from 'graphile-worker';

/**
 * The job engine's (graphile-worker's) own schema and the pool and logger settings it runs with.
 * Apart from jobs.ts so that database.ts can migrate the queue without importing the engine,
 * which imports database.ts's types.
 */
export type Log = { info: (o: object, m: string) => void; error: (o: object, m: string) => void; warn?: (o: object, m: string) => void };

/** Applies the engine's own schema migrations (graphile_worker schema); safe on every start. */
export async function migrateJobQueue(appPool: pg.Pool): Promise<void> {
  // A pool of its own, with the error handlers graphile-worker asks for, on the same server.
  const pool = quietPool(new pg.Pool({ ...appPool.options, max: 1 }));
  try {
    await migrateQueue({ pgPool: pool, logger: quietLogger() });
  } finally {
    await pool.end().catch(() => {});
  }
}

/** A lost connection (server restart, shutdown) is an error event, not a crash; the next query reconnects. */
export function quietPool(pool: pg.Pool): pg.Pool {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function quietLogger(log?: Log): Logger {
  // graphile-worker logs every job at info; only warnings and errors reach the app's log.
  return new Logger(() => (level, message, meta) => {
    if (level === 'error') {
      if (log) log.error(meta ?? {}, message);
      else console.error(message);
    }
    else if (level === 'warning') (log?.warn ?? log?.error)?.(meta ?? {}, message);
  });
}

