import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Config } from '../../config/index.js';
import { acquireDataDirLock, DataDirLockedError, readLock } from './data-dir-lock.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrateJobQueue } from './job-queue.js';

// Dates stay strings (YYYY-MM-DD): a birth date has no time zone.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts are small enough for numbers in this application.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = NodePgDatabase<Record<string, never>>;

export interface Database {
  url: string;
  pool: pg.Pool;
  db: Db;
  /** How the database was reached, for log lines. */
  origin: 'external' | 'embedded' | 'attached';
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export function connect(url: string, max = 20): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* an idle client lost its server (e.g. during shutdown); the next query reconnects */
  });
  return { pool, db: drizzle(pool) };
}

/**
 * Opens the database for a process: DATABASE_URL when set; otherwise the embedded cluster in
 * the data folder, holding its lock. With `attach`, a folder held by a running server is used
 * through that server's database instead of failing (the CLI does this); without it a second
 * process gets DataDirLockedError.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'XIESHANG_DATA_DIR'> & Partial<Pick<Config, 'XIESHANG_PG_SHARED_BUFFERS'>>,
  opts: { command: string; attach?: boolean; poolSize?: number; log?: (m: string) => void },
): Promise<Database> {
  if (config.DATABASE_URL) {
    const { pool, db } = connect(config.DATABASE_URL, opts.poolSize);
    return { url: config.DATABASE_URL, pool, db, origin: 'external', close: () => pool.end() };
  }
  const dir = config.XIESHANG_DATA_DIR;
  let lock;
  try {
    lock = acquireDataDirLock(dir, opts.command);
  } catch (e) {
    if (e instanceof DataDirLockedError && opts.attach) {
      const holder = readLock(dir);
      if (holder?.databaseUrl) {
        const { pool, db } = connect(holder.databaseUrl, opts.poolSize);
        return { url: holder.databaseUrl, pool, db, origin: 'attached', close: () => pool.end() };
      }
    }
    throw e;
  }
  try {
    const server = await startEmbeddedPostgres(dir, { log: opts.log, sharedBuffers: config.XIESHANG_PG_SHARED_BUFFERS });
    lock.update({ databaseUrl: server.url });
    const { pool, db } = connect(server.url, opts.poolSize);
    let closed = false;
    return {
      url: server.url,
      pool,
      db,
      origin: 'embedded',
      async close() {
        if (closed) return;
        closed = true;
        await pool.end().catch(() => {});
        await server.stop();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** Applies pending migrations. Safe to call on every start. */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
  // The job engine's own tables (schema graphile_worker), versioned by the engine itself.
  await migrateJobQueue((db as Db & { $client: pg.Pool }).$client);
}
