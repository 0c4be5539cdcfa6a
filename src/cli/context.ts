import cliProgress from 'cli-progress';
import { loadConfig, ConfigError, type Config } from '../config/index.js';
import { openDatabase, runMigrations, type Database } from '../platform/db/database.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { AppError } from '../platform/errors.js';
import { modulesFor } from '../main.js';

/** Loads config and opens the database (attaching to a running server's database when there is one). */
export async function withDatabase<T>(command: string, fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, { command, attach: true });
  try {
    await runMigrations(database.db);
    // The modules' subscribers are registered so that an event a command emits queues its
    // deliveries (UnitOfWork.emit); a running server, or the next one started, delivers them.
    for (const m of modulesFor(config)) m.init?.(database.db);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export const systemActor = (what: string) => ({ userId: null, label: `cli:${what}` });

export type Progress = (done: number, total: number) => void;

/** A progress bar on a terminal, nothing when output is piped. */
export function progressBar(label: string): { update: Progress; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** Prints a failure a person can act on, and exits non-zero. */
export function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else if (err instanceof AppError) console.error(`错误 ${err.code}: ${err.messageIn('zh')}` + (err.details ? '\n' + JSON.stringify(err.details, null, 2) : ''));
  else console.error(err);
  process.exit(1);
}
