import { ConfigError } from '../config/index.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { AppError } from '../platform/errors.js';
import { modulesFor } from '../main.js';

import { onDatabaseOpen } from '../platform/cli-kit.js';
export { progressBar, systemActor, withDatabase, type Progress } from '../platform/cli-kit.js';

onDatabaseOpen((db, config) => {
  for (const m of modulesFor(config)) m.init?.(db);
});

/** Prints a failure a person can act on, and exits non-zero. */
export function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else if (err instanceof AppError) console.error(`错误 ${err.code}: ${err.messageIn('zh')}` + (err.details ? '\n' + JSON.stringify(err.details, null, 2) : ''));
  else console.error(err);
  process.exit(1);
}
