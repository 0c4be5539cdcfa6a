import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { DutyFact } from '../domain/engine.js';

/**
 * The engine's input: verified records of a year, aggregated by (member, kind, the member's part,
 * number of members on the record). `rm.year` is the record's year, so both sides are restricted
 * by committee and year: the planner then reads perf_record_members_committee_member_year_idx and
 * the partial perf_duty_records_verified_facts_idx only (index-only scans), instead of one heap
 * page per record — a year's records lie all over the table.
 */
const factCols = sql`r.kind, rm.role, r.member_count as "memberCount", count(*)::int as count, sum(r.units)::float8 as units`;

/** One member's facts (the live standing). */
export async function memberFacts(db: Executor, committeeId: string, memberId: string, year: number): Promise<DutyFact[]> {
  const { rows } = await db.execute<DutyFact>(sql`
    select ${factCols} from perf_record_members rm
    join perf_duty_records r on r.committee_id = ${committeeId} and r.year = ${year} and r.status = 'verified' and r.id = rm.record_id
    where rm.committee_id = ${committeeId} and rm.member_id = ${memberId} and rm.year = ${year}
    group by r.kind, rm.role, r.member_count`);
  return rows;
}

export type MemberFact = DutyFact & { memberId: string };

/** Every member's facts. */
export async function committeeFacts(db: Executor, committeeId: string, year: number): Promise<MemberFact[]> {
  const { rows } = await db.execute<MemberFact>(sql`
    select rm.member_id as "memberId", ${factCols}
    from perf_record_members rm
    join perf_duty_records r on r.committee_id = ${committeeId} and r.year = ${year} and r.status = 'verified' and r.id = rm.record_id
    where rm.committee_id = ${committeeId} and rm.year = ${year}
    group by rm.member_id, r.kind, rm.role, r.member_count`);
  return rows;
}
