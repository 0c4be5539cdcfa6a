import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, openDatabase, runMigrations, type Database } from '../../src/platform/db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL / DATABASE_URL when given (CI runs the
 * suite against the machine's PostgreSQL 15 this way), else an embedded server in a temporary
 * folder. Migrations run once; test files then create their own committees (tenants).
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let database: Database;
  let dir: string | undefined;
  if (external) {
    database = { ...connect(external, 4), url: external, origin: 'external', close: async () => {} };
  } else {
    dir = path.join(os.tmpdir(), `xieshang-test-${process.pid}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    database = await openDatabase({ XIESHANG_DATA_DIR: dir }, { command: 'vitest', poolSize: 4 });
  }
  await runMigrations(database.db);
  await database.pool.end().catch(() => {});
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
