import { sql } from 'drizzle-orm';
import { CHINA_TZ } from '../time.js';

/**
 * China's zone as an SQL literal, for `t at time zone …` and `make_timestamptz(…, zone)` (platform/time.ts
 * holds the zone; here apart because time.ts is imported by the web and must not pull in drizzle).
 */
export const CHINA_TZ_SQL = sql.raw(`'${CHINA_TZ}'`);
