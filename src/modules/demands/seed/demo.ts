import type { Db } from '../../../platform/db/database.js';

/** Demo data (a year of demands for 定西, fewer for 金昌), through the real commands. */
export async function seedDemandsDemo(_db: Db): Promise<string> {
  return 'demands: none yet';
}
