import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../config/index.js';
import { openDatabase, runMigrations, type Database } from './db/database.js';

/**
 * What a command-line command needs around its work: the database, an actor, a progress bar.
 * Here, not in src/cli, so that a module's own commands (modules/<name>/cli.ts) use them without
 * importing the CLI layer above them.
 */

type OpenHook = (db: Database['db'], config: Config) => void;
let onOpen: OpenHook | undefined;

/**
 * What to do with every database a command opens, set once by the CLI's entry (src/cli): it
 * registers the modules' subscribers, so that an event a command emits queues its deliveries
 * (UnitOfWork.emit); a running server, or the next one started, delivers them. Here as a hook
 * because the platform may not import the modules.
 */
export function onDatabaseOpen(hook: OpenHook): void {
  onOpen = hook;
}

/** Loads config and opens the database (attaching to a running server's database when there is one). */
export async function withDatabase<T>(command: string, fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, { command, attach: true });
  try {
    await runMigrations(database.db);
    onOpen?.(database.db, config);
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
