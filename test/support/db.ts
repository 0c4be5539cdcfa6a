import crypto from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { connect, runMigrations, type Database } from '../../src/platform/db/database.js';

let shared: Database | undefined;

/** The run's shared database (migrated). Tests isolate themselves by making their own committees. */
export function testDatabase(): Database {
  if (!shared) {
    const url = inject('databaseUrl');
    const { pool, db } = connect(url, 8);
    shared = { url, pool, db, origin: 'external', close: async () => {} };
  }
  return shared;
}

/** A new, empty, migrated database on the same server, for tests that need an empty one. */
export async function scratchDatabase(opts: { migrate?: boolean } = {}): Promise<Database & { drop(): Promise<void> }> {
  const base = new URL(inject('databaseUrl'));
  const name = 'xs_scratch_' + crypto.randomBytes(5).toString('hex');
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = '/' + name;
  const { pool, db } = connect(url.toString(), 4);
  if (opts.migrate !== false) await runMigrations(db);
  const database = { url: url.toString(), pool, db, origin: 'external' as const, close: () => pool.end() };
  return {
    ...database,
    async drop() {
      await pool.end().catch(() => {});
      const a = new pg.Client({ connectionString: base.toString() });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
