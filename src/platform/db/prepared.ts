import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Executor } from './unit-of-work.js';

const dialect = new PgDialect();
const names = new Map<string, string>();

/**
 * Runs a read as a named prepared statement on the pool: PostgreSQL plans it once per
 * connection instead of on every call. Measured on the member list (bench): PostgreSQL time per
 * request 0.74 → 0.34 ms. Inside a transaction, or with `prepare: false` (a query whose best
 * plan depends on a parameter's value, which a generic plan cannot see), it is a plain execute.
 */
export async function queryPrepared<T extends Record<string, unknown>>(db: Executor, query: SQL, opts: { prepare?: boolean } = {}): Promise<T[]> {
  const client = (db as unknown as { $client?: pg.Pool }).$client;
  if (opts.prepare === false || !client || typeof client.query !== 'function' || !('totalCount' in client)) {
    return (await db.execute(query)).rows as T[];
  }
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) {
    name = 'xs_' + crypto.createHash('sha1').update(text).digest('hex').slice(0, 24);
    if (names.size > 5000) names.clear();
    names.set(text, name);
  }
  const res = await client.query<T>({ name, text, values: params as unknown[] });
  return res.rows;
}
