import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { AssessmentRow, AssessmentSummary } from './domain/assessment.js';
import { countedAt } from './rules.repository.js';

/** SQL only: assessment runs and their per-member results. The first argument after the executor is always the committee. */

export type AssessmentStatus = 'draft' | 'published' | 'superseded';
export type AssessmentHead = {
  id: string;
  year: number;
  revision: number;
  status: AssessmentStatus;
  ruleSetId: string;
  summary: AssessmentSummary;
  reason: string | null;
  computedAt: string;
  publishedAt: string | null;
  /** The snapshot instant (see perf_assessments.as_of); null on runs that kept record_ids instead. */
  asOf: string | null;
};

const cols = sql`id, year, revision, status, rule_set_id as "ruleSetId", summary, reason, computed_at as "computedAt", published_at as "publishedAt", as_of as "asOf"`;

export async function latestAssessment(db: Executor, committeeId: string, year: number): Promise<AssessmentHead | undefined> {
  const { rows } = await db.execute<AssessmentHead>(sql`select ${cols} from perf_assessments
    where committee_id = ${committeeId} and year = ${year} order by revision desc limit 1`);
  return rows[0];
}

export async function findAssessment(db: Executor, committeeId: string, id: string): Promise<AssessmentHead | undefined> {
  const { rows } = await db.execute<AssessmentHead>(sql`select ${cols} from perf_assessments where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

export async function listAssessments(db: Executor, committeeId: string, year?: number): Promise<AssessmentHead[]> {
  const { rows } = await db.execute<AssessmentHead>(sql`select ${cols} from perf_assessments where committee_id = ${committeeId}
    ${year ? sql`and year = ${year}` : sql``} order by year desc, revision desc`);
  return rows;
}

export async function insertAssessment(
  db: Executor, committeeId: string,
  a: { year: number; revision: number; status: AssessmentStatus; ruleSetId: string; summary: AssessmentSummary; reason: string | null; by: string | null; asOf: string },
): Promise<string> {
  const published = a.status === 'published';
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into perf_assessments (committee_id, year, revision, status, rule_set_id, summary, reason, computed_by, published_at, published_by, as_of)
    values (${committeeId}, ${a.year}, ${a.revision}, ${a.status}, ${a.ruleSetId}, ${JSON.stringify(a.summary)}::jsonb, ${a.reason}, ${a.by},
            ${published ? sql`now()` : null}, ${published ? a.by : null}, ${a.asOf}::timestamptz)
    returning id`);
  return rows[0].id;
}

export async function updateDraft(db: Executor, committeeId: string, id: string, a: { ruleSetId: string; summary: AssessmentSummary; by: string | null; asOf: string }) {
  await db.execute(sql`update perf_assessments set rule_set_id = ${a.ruleSetId}, summary = ${JSON.stringify(a.summary)}::jsonb,
    computed_at = now(), computed_by = ${a.by}, as_of = ${a.asOf}::timestamptz where committee_id = ${committeeId} and id = ${id} and status = 'draft'`);
}

export async function setAssessmentStatus(db: Executor, committeeId: string, id: string, status: AssessmentStatus, by: string | null) {
  await db.execute(sql`update perf_assessments set status = ${status},
    published_at = ${status === 'published' ? sql`now()` : sql`published_at`}, published_by = ${status === 'published' ? by : sql`published_by`}
    where committee_id = ${committeeId} and id = ${id}`);
}

/**
 * Writes a run's results, replacing any earlier ones of the same run: one statement over one JSON
 * document of all the rows (json_to_recordset). Measured against column arrays (unnest of array
 * literals): the same time in PostgreSQL, and a quarter of the time in Node — JSON.stringify of
 * the rows is native, where quoting each by_kind document into an array literal was not (11.7 →
 * 3.3 ms for a 200-member committee). The records behind the results are the run's as_of
 * snapshot (snapshotSql), not stored per member.
 */
export async function replaceResults(
  db: Executor, committeeId: string, assessmentId: string, rows: AssessmentRow[], opts: { fresh?: boolean; onChunk?: (done: number) => void } = {},
) {
  // A run inserted in the same transaction has no results yet: no delete to plan and run.
  if (!opts.fresh) await db.execute(sql`delete from perf_assessment_results where committee_id = ${committeeId} and assessment_id = ${assessmentId}`);
  if (rows.length) {
    const doc = JSON.stringify(rows.map((r) => ({
      m: r.memberId, s: r.sectorId, ro: r.roles, p: r.points, g: r.grade, r: r.rank, sr: r.sectorRank, bk: r.byKind,
      qm: r.quotasMet, qs: r.quotaShortfalls, c: r.commended, b: r.belowBar, w: r.warned, wa: r.warnedAgain, a: r.allowanceYuan,
    })));
    await db.execute(sql`
      insert into perf_assessment_results (committee_id, assessment_id, member_id, sector_id, roles, points, grade, rank, sector_rank, by_kind,
        quotas_met, quota_shortfalls, commended, below_bar, warned, warned_again, allowance_yuan)
      select ${committeeId}, ${assessmentId}, t.m, t.s, t.ro, t.p, t.g, t.r, t.sr, t.bk, t.qm, t.qs, t.c, t.b, t.w, t.wa, t.a
      from json_to_recordset(${doc}::json) as t(m uuid, s uuid, ro text[], p float8, g text, r int, sr int, bk jsonb, qm boolean,
        qs jsonb, c boolean, b boolean, w boolean, wa boolean, a float8)`);
  }
  opts.onChunk?.(rows.length);
}

export type ResultRow = Omit<AssessmentRow, 'name' | 'gradeLabel'> & { name: string; sectorName: string | null };

export async function resultsOf(db: Executor, committeeId: string, assessmentId: string, f: { memberId?: string } = {}): Promise<ResultRow[]> {
  const { rows } = await db.execute<ResultRow>(sql`
    select r.member_id as "memberId", m.name, r.sector_id as "sectorId", s.name as "sectorName", r.roles, r.points, r.grade, r.rank,
      r.sector_rank as "sectorRank", r.by_kind as "byKind", r.quotas_met as "quotasMet", r.quota_shortfalls as "quotaShortfalls",
      r.commended, r.below_bar as "belowBar", r.warned, r.warned_again as "warnedAgain", r.allowance_yuan as "allowanceYuan"
    from perf_assessment_results r
    join members m on m.committee_id = r.committee_id and m.id = r.member_id
    left join sectors s on s.committee_id = r.committee_id and s.id = r.sector_id
    where r.committee_id = ${committeeId} and r.assessment_id = ${assessmentId} ${f.memberId ? sql`and r.member_id = ${f.memberId}` : sql``}
    order by r.rank, m.name_pinyin, m.id`);
  return rows;
}

/**
 * The (member, record) pairs an assessment counted: the records whose `counted` spans contain its
 * as_of instant — or, for a run made before spans were kept, its stored record_ids.
 */
export function snapshotSql(committeeId: string, head: Pick<AssessmentHead, 'id' | 'year' | 'asOf'>, memberId?: string): SQL {
  if (!head.asOf) {
    return sql`select member_id, unnest(record_ids) as record_id from perf_assessment_results
      where committee_id = ${committeeId} and assessment_id = ${head.id} ${memberId ? sql`and member_id = ${memberId}` : sql``}`;
  }
  return sql`select rm.member_id, rm.record_id from perf_record_members rm
    join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id and r.year = ${head.year}
    where rm.committee_id = ${committeeId} and rm.year = ${head.year} ${memberId ? sql`and rm.member_id = ${memberId}` : sql``}
      and ${countedAt(head.asOf)}`;
}

/** The ids of the records an assessment counted for one member. */
export async function snapshotRecordIds(db: Executor, committeeId: string, head: Pick<AssessmentHead, 'id' | 'year' | 'asOf'>, memberId: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`select s.record_id as id from (${snapshotSql(committeeId, head, memberId)}) s order by 1`);
  return rows.map((r) => r.id);
}

export type RecordChanges = Map<string, { added: string[]; removed: string[] }>;

/**
 * Per member, the records counted at `asOf` and not by `previous` (added), and the reverse
 * (removed). Only records updated after the previous as_of can differ (each change of `counted`
 * stamps updated_at with the clock read after the year lock): an index range, not the year's records.
 */
export async function recordChangesSince(db: Executor, committeeId: string, previous: Pick<AssessmentHead, 'id' | 'year' | 'asOf'>, asOf: string): Promise<RecordChanges> {
  if (previous.asOf) {
    const { rows } = await db.execute<{ memberId: string; added: string[] | null; removed: string[] | null }>(sql`
      select member_id as "memberId", array_agg(id order by id) filter (where now_in) as added, array_agg(id order by id) filter (where not now_in) as removed
      from (select rm.member_id, r.id, ${countedAt(asOf)} as now_in, ${countedAt(previous.asOf)} as was_in
            from perf_duty_records r
            join perf_record_members rm on rm.committee_id = r.committee_id and rm.record_id = r.id and rm.year = ${previous.year}
            where r.committee_id = ${committeeId} and r.year = ${previous.year} and r.updated_at > ${previous.asOf}::timestamptz) c
      where now_in <> was_in
      group by member_id`);
    return new Map(rows.map((r) => [r.memberId, { added: r.added ?? [], removed: r.removed ?? [] }]));
  }
  const { rows } = await db.execute<{ memberId: string; added: string[] | null; removed: string[] | null }>(sql`
    select coalesce(n.member_id, p.member_id) as "memberId",
      array_agg(n.record_id order by n.record_id) filter (where p.record_id is null) as added,
      array_agg(p.record_id order by p.record_id) filter (where n.record_id is null) as removed
    from (${snapshotSql(committeeId, { ...previous, asOf })}) n
    full join (${snapshotSql(committeeId, previous)}) p on p.member_id = n.member_id and p.record_id = n.record_id
    where n.record_id is null or p.record_id is null
    group by 1`);
  return new Map(rows.map((r) => [r.memberId, { added: r.added ?? [], removed: r.removed ?? [] }]));
}

/** Members below the bar in the year's published result (for "two years running"). */
export async function belowBarIn(db: Executor, committeeId: string, year: number): Promise<Set<string>> {
  const { rows } = await db.execute<{ memberId: string }>(sql`
    select r.member_id as "memberId" from perf_assessment_results r
    join perf_assessments a on a.committee_id = r.committee_id and a.id = r.assessment_id
    where r.committee_id = ${committeeId} and a.year = ${year} and a.status = 'published' and r.below_bar`);
  return new Set(rows.map((r) => r.memberId));
}

/** A member's result in the year's published assessment (the current revision), if any. */
export async function publishedResultOf(db: Executor, committeeId: string, memberId: string, year: number) {
  const { rows } = await db.execute<{ assessmentId: string; revision: number; points: number; grade: string; rank: number; sectorRank: number | null; commended: boolean; warned: boolean; allowanceYuan: number }>(sql`
    select a.id as "assessmentId", a.revision, r.points, r.grade, r.rank, r.sector_rank as "sectorRank", r.commended, r.warned, r.allowance_yuan as "allowanceYuan"
    from perf_assessments a join perf_assessment_results r on r.committee_id = a.committee_id and r.assessment_id = a.id and r.member_id = ${memberId}
    where a.committee_id = ${committeeId} and a.year = ${year} and a.status = 'published'`);
  return rows[0] ?? null;
}
