import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';

/** SQL only: the versioned rule sets. The first argument after the executor is always the committee. */

export type RuleSetRow = {
  id: string;
  year: number;
  version: number;
  rules: unknown;
  note: string | null;
  createdAt: string;
  frozenAt: string | null;
};

const cols = sql`id, year, version, rules, note, created_at as "createdAt", frozen_at as "frozenAt"`;

/** The newest version of a year's rules; with `before`, the newest of the latest earlier year that has rules. */
export async function latestRuleSet(db: Executor, committeeId: string, year: number, opts: { before?: boolean } = {}): Promise<RuleSetRow | undefined> {
  const { rows } = await db.execute<RuleSetRow>(sql`select ${cols} from perf_rule_sets
    where committee_id = ${committeeId} and ${opts.before ? sql`year < ${year}` : sql`year = ${year}`}
    order by year desc, version desc limit 1`);
  return rows[0];
}

export async function ruleSetById(db: Executor, committeeId: string, id: string): Promise<RuleSetRow | undefined> {
  const { rows } = await db.execute<RuleSetRow>(sql`select ${cols} from perf_rule_sets where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

export async function versionsOf(db: Executor, committeeId: string, year: number) {
  const { rows } = await db.execute<Omit<RuleSetRow, 'rules'> & { name: string }>(sql`
    select id, year, version, rules->>'name' as name, note, created_at as "createdAt", frozen_at as "frozenAt"
    from perf_rule_sets where committee_id = ${committeeId} and year = ${year} order by version desc`);
  return rows;
}

/** Serialises rule changes of one committee and year (advisory lock until commit). */
export async function lockYear(db: Executor, committeeId: string, year: number) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`perf-year:${committeeId}:${year}`}, 0))`);
}

/**
 * The shared side of lockYear, taken by every write that changes which records count (verify,
 * void, revive, an automatic record born verified) — for the years of the records `where` selects
 * in the committee. Such writes run side by side but never during an assessment run, and they
 * stamp their `counted` span with clock_timestamp() after this lock: so a run's as_of instant
 * (read after its exclusive lock) separates exactly what it saw from what came after.
 */
export async function lockYearsShared(db: Executor, committeeId: string, where: SQL) {
  await db.execute(sql`select pg_advisory_xact_lock_shared(hashtextextended('perf-year:' || ${committeeId}::text || ':' || y.year, 0))
    from (select distinct year from perf_duty_records where committee_id = ${committeeId} and ${where} order by year) y`);
}

export async function lockYearShared(db: Executor, committeeId: string, year: number) {
  await db.execute(sql`select pg_advisory_xact_lock_shared(hashtextextended(${`perf-year:${committeeId}:${year}`}, 0))`);
}

/** Whether record `r` counted at the instant `asOf` (an assessment's snapshot). Bulk-loaded verified records have no spans: they always count. */
export const countedAt = (asOf: string) => sql`(r.counted @> ${asOf}::timestamptz or (r.counted is null and r.status = 'verified'))`;

export async function insertRuleSet(db: Executor, committeeId: string, r: { year: number; rules: unknown; note: string | null; createdBy: string | null }) {
  const { rows } = await db.execute<{ id: string; version: number }>(sql`
    insert into perf_rule_sets (committee_id, year, version, rules, note, created_by)
    values (${committeeId}, ${r.year},
      (select coalesce(max(version), 0) + 1 from perf_rule_sets where committee_id = ${committeeId} and year = ${r.year}),
      ${JSON.stringify(r.rules)}::jsonb, ${r.note}, ${r.createdBy})
    returning id, version`);
  return rows[0];
}

export async function freezeRuleSet(db: Executor, committeeId: string, id: string) {
  await db.execute(sql`update perf_rule_sets set frozen_at = coalesce(frozen_at, now()) where committee_id = ${committeeId} and id = ${id}`);
}

export async function yearIsFrozen(db: Executor, committeeId: string, year: number): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from perf_rule_sets where committee_id = ${committeeId} and year = ${year} and frozen_at is not null limit 1`);
  return rows.length > 0;
}
