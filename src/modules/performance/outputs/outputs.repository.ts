import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { DutyFact } from '../domain/engine.js';
import { snapshotSql, type AssessmentHead } from '../assessment.repository.js';

/** SQL only, for the report card and the results export. The first argument after the executor is always the committee. */

export async function committeeName(db: Executor, committeeId: string): Promise<string> {
  const { rows } = await db.execute<{ name: string }>(sql`select name from committees where id = ${committeeId}`);
  return rows[0]?.name ?? '';
}

/**
 * A member's facts from an assessment's snapshot (the records that counted at its as_of, or the
 * stored record_ids of an older run), aggregated as the engine takes them — the same GROUP BY as
 * the live standing, over the snapshot instead of the records' current status.
 */
export async function factsOfSnapshot(db: Executor, committeeId: string, memberId: string, head: Pick<AssessmentHead, 'id' | 'year' | 'asOf'>): Promise<DutyFact[]> {
  const { rows } = await db.execute<DutyFact>(sql`
    select r.kind, rm.role, r.member_count as "memberCount", count(*)::int as count, sum(r.units)::float8 as units
    from perf_record_members rm
    join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id
    where rm.committee_id = ${committeeId} and rm.member_id = ${memberId}
      and rm.record_id in (select s.record_id from (${snapshotSql(committeeId, head, memberId)}) s)
    group by r.kind, rm.role, r.member_count`);
  return rows;
}

/** How many members of a sector an assessment run ranked. */
export async function sectorSizeIn(db: Executor, committeeId: string, assessmentId: string, sectorId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from perf_assessment_results
    where committee_id = ${committeeId} and assessment_id = ${assessmentId} and sector_id = ${sectorId}`);
  return rows[0].n;
}
