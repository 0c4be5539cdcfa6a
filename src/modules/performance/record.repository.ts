import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { DutyFact } from './domain/engine.js';
import type { CreditRole, DutyKind } from './domain/kinds.js';
import type { RecordStatus } from './domain/record-workflow.js';
import { lockYearShared, lockYearsShared } from './rules.repository.js';

/** SQL only: duty records and the members they credit. The first argument after the executor is always the committee. */

/** The attachments' owner kind of a duty record's uploaded files (photos, sign-in sheets). */
export const DUTY_RECORD_FILES = 'duty_record';

export type RecordMember = { memberId: string; name: string; role: CreditRole | null }
export type RecordFile = { id: string; fileName: string; mime: string; size: number; createdAt: string }
export type RecordRow = {
  id: string;
  kind: DutyKind;
  occurredOn: string;
  year: number;
  title: string;
  description: string | null;
  source: 'automatic' | 'self_reported';
  sourceType: string | null;
  sourceRef: string | null;
  status: RecordStatus;
  units: number;
  memberCount: number;
  metrics: Record<string, number>;
  /** Typed by hand: file names or links. */
  evidence: { name: string; url: string | null }[];
  /** Uploaded files (the platform's attachments table, owner kind `duty_record`). */
  attachments: RecordFile[];
  submittedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  createdAt: string;
  members: RecordMember[];
};;

export interface NewRecord {
  kind: DutyKind;
  occurredOn: string;
  title: string;
  description?: string | null;
  source: 'automatic' | 'self_reported';
  sourceType?: string | null;
  sourceRef?: string | null;
  status: RecordStatus;
  units?: number;
  metrics?: Record<string, number>;
  evidence?: { name: string; url: string | null }[];
  submittedBy?: string | null;
  members: { memberId: string; role: CreditRole | null }[];
}

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

const cols = sql`r.id, r.kind, r.occurred_on as "occurredOn", r.year, r.title, r.description, r.source, r.source_type as "sourceType",
  r.source_ref as "sourceRef", r.status, r.units, r.member_count as "memberCount", r.metrics, r.evidence, r.submitted_by as "submittedBy",
  r.decided_by as "decidedBy", r.decided_at as "decidedAt", r.reject_reason as "rejectReason", r.created_at as "createdAt",
  coalesce((select jsonb_agg(jsonb_build_object('memberId', rm.member_id, 'name', m.name, 'role', rm.role) order by m.name_pinyin)
     from perf_record_members rm join members m on m.id = rm.member_id and m.committee_id = rm.committee_id
     where rm.committee_id = r.committee_id and rm.record_id = r.id), '[]'::jsonb) as members,
  coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'fileName', a.file_name, 'mime', a.mime, 'size', a.size, 'createdAt', a.created_at)
     order by a.created_at, a.id) from attachments a
     where a.committee_id = r.committee_id and a.owner_kind = ${DUTY_RECORD_FILES} and a.owner_id = r.id::text), '[]'::jsonb) as attachments`;

/**
 * Inserts a record and its members. With a source, an existing record of the same source wins
 * (the insert does nothing) and `created` is false: replaying an event never doubles a record.
 */
export async function insertRecord(db: Executor, committeeId: string, r: NewRecord): Promise<{ id: string; created: boolean }> {
  const year = Number(r.occurredOn.slice(0, 4));
  const verified = r.status === 'verified';
  if (verified) await lockYearShared(db, committeeId, year);
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into perf_duty_records (committee_id, kind, occurred_on, year, title, description, source, source_type, source_ref, status,
                                   units, member_count, metrics, evidence, submitted_by, counted, updated_at)
    values (${committeeId}, ${r.kind}, ${r.occurredOn}, ${year}, ${r.title}, ${r.description ?? null}, ${r.source}, ${r.sourceType ?? null},
            ${r.sourceRef ?? null}, ${r.status}, ${r.units ?? 1}, ${r.members.length}, ${json(r.metrics ?? {})}, ${json(r.evidence ?? [])},
            ${r.submittedBy ?? null}, ${verified ? sql`tstzmultirange(tstzrange(clock_timestamp(), null))` : sql`'{}'::tstzmultirange`}, clock_timestamp())
    on conflict (committee_id, source_type, source_ref) do nothing
    returning id`);
  if (!rows[0]) {
    const existing = await db.execute<{ id: string }>(sql`select id from perf_duty_records
      where committee_id = ${committeeId} and source_type = ${r.sourceType ?? null} and source_ref = ${r.sourceRef ?? null}`);
    return { id: existing.rows[0].id, created: false };
  }
  const id = rows[0].id;
  await db.execute(sql`
    insert into perf_record_members (committee_id, record_id, member_id, role, year)
    select ${committeeId}, ${id}, (x->>'memberId')::uuid, x->>'role', ${year} from jsonb_array_elements(${json(r.members)}) x`);
  return { id, created: true };
}

export async function findRecord(db: Executor, committeeId: string, id: string, opts: { lock?: boolean } = {}): Promise<RecordRow | undefined> {
  if (opts.lock) await db.execute(sql`select 1 from perf_duty_records where committee_id = ${committeeId} and id = ${id} for update`);
  const { rows } = await db.execute<RecordRow>(sql`select ${cols} from perf_duty_records r where r.committee_id = ${committeeId} and r.id = ${id}`);
  return rows[0];
}

export async function findBySource(db: Executor, committeeId: string, sourceType: string, sourceRef: string): Promise<RecordRow | undefined> {
  const { rows } = await db.execute<RecordRow>(sql`select ${cols} from perf_duty_records r
    where r.committee_id = ${committeeId} and r.source_type = ${sourceType} and r.source_ref = ${sourceRef}`);
  return rows[0];
}

/**
 * The `counted` spans after a move (see lockYearsShared for why clock_timestamp()): becoming
 * verified opens a span now, leaving verified (void, unverify) closes the open one now. A verified
 * record without spans counted since always.
 */
function spanChange(change: 'open' | 'close'): SQL {
  return change === 'open'
    ? sql`coalesce(counted, '{}'::tstzmultirange) + tstzmultirange(tstzrange(clock_timestamp(), null))`
    : sql`coalesce(counted, '{(,)}'::tstzmultirange) * tstzmultirange(tstzrange(null, clock_timestamp()))`;
}

/**
 * Writes a record's new status. `decision`: 'decided' stamps who decided and when (verify, reject,
 * void), 'undone' clears them (unverify: back in the queue), 'kept' leaves them (withdraw).
 */
export async function setRecordStatus(
  db: Executor, committeeId: string, id: string,
  p: { status: RecordStatus; decidedBy?: string | null; rejectReason?: string | null; decision: 'decided' | 'undone' | 'kept'; span: 'open' | 'close' | null },
) {
  if (p.span) await lockYearsShared(db, committeeId, sql`id = ${id}`);
  const decidedBy = p.decision === 'decided' ? sql`${p.decidedBy ?? null}` : p.decision === 'undone' ? sql`null` : sql`decided_by`;
  const decidedAt = p.decision === 'decided' ? sql`now()` : p.decision === 'undone' ? sql`null` : sql`decided_at`;
  // updated_at from the same clock as the span (after the lock): a rerun's diff looks only at records updated after the last as_of.
  await db.execute(sql`update perf_duty_records set status = ${p.status}, updated_at = clock_timestamp(),
      decided_by = ${decidedBy}, decided_at = ${decidedAt},
      reject_reason = ${p.rejectReason ?? null}${p.span ? sql`, counted = ${spanChange(p.span)}` : sql``}
    where committee_id = ${committeeId} and id = ${id}`);
}

export interface RecordFilter {
  memberIds?: string[]; year?: number; status?: RecordStatus; kind?: DutyKind; source?: 'self_reported' | 'automatic';
  /** 'decided': the latest decisions first (where staff look back at what they verified). */
  sort?: 'occurred' | 'decided'; page: number; pageSize: number;
}

export async function listRecords(db: Executor, committeeId: string, f: RecordFilter): Promise<{ items: RecordRow[]; total: number }> {
  const where: SQL[] = [sql`r.committee_id = ${committeeId}`];
  if (f.memberIds) {
    where.push(sql`exists (select 1 from perf_record_members rm where rm.committee_id = r.committee_id and rm.record_id = r.id
      and rm.member_id in (select jsonb_array_elements_text(${json(f.memberIds)})::uuid))`);
  }
  if (f.year) where.push(sql`r.year = ${f.year}`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.kind) where.push(sql`r.kind = ${f.kind}`);
  if (f.source) where.push(sql`r.source = ${f.source}`);
  const w = sql.join(where, sql` and `);
  const order = f.sort === 'decided' ? sql`r.decided_at desc nulls last, r.id` : sql`r.occurred_on desc, r.created_at desc, r.id`;
  const items = await db.execute<RecordRow>(sql`select ${cols} from perf_duty_records r where ${w}
    order by ${order} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from perf_duty_records r where ${w}`);
  return { items: items.rows, total: total.rows[0].n };
}

/** A member's records of a year waiting for verification (light: no member list). */
export async function pendingOf(db: Executor, committeeId: string, memberId: string, year: number) {
  const { rows } = await db.execute<Pick<RecordRow, 'id' | 'kind' | 'title' | 'occurredOn' | 'createdAt'>>(sql`
    select r.id, r.kind, r.title, r.occurred_on as "occurredOn", r.created_at as "createdAt"
    from perf_record_members rm
    join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id and r.status = 'submitted'
    where rm.committee_id = ${committeeId} and rm.member_id = ${memberId} and rm.year = ${year}
    order by r.occurred_on desc, r.created_at desc`);
  return rows;
}

const factCols = sql`r.kind, rm.role, r.member_count as "memberCount", count(*)::int as count, sum(r.units)::float8 as units`;

/**
 * One member's verified records of a year, aggregated for the engine:
 * select kind, role, member_count, count(*), sum(units) … group by kind, role, member_count.
 */
export async function factsOfMember(db: Executor, committeeId: string, memberId: string, year: number): Promise<DutyFact[]> {
  const { rows } = await db.execute<DutyFact>(sql`
    select ${factCols} from perf_record_members rm
    join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id and r.status = 'verified'
    where rm.committee_id = ${committeeId} and rm.member_id = ${memberId} and rm.year = ${year}
    group by r.kind, rm.role, r.member_count`);
  return rows;
}

/** Every member's verified records of a year, aggregated the same way; with `ids`, the record ids too (the assessment's snapshot). */
export async function factsOfCommittee(db: Executor, committeeId: string, year: number, opts: { ids?: boolean } = {}) {
  const { rows } = await db.execute<DutyFact & { memberId: string; ids: string[] | null }>(sql`
    select rm.member_id as "memberId", ${factCols}, ${opts.ids ? sql`array_agg(r.id)` : sql`null`} as ids
    from perf_record_members rm
    join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id and r.status = 'verified'
    where rm.committee_id = ${committeeId} and rm.year = ${year}
    group by rm.member_id, r.kind, rm.role, r.member_count`);
  return rows;
}

/** The members a list of ids names, when each is an active member of the committee. */
export async function activeMembers(db: Executor, committeeId: string, ids: string[]): Promise<{ id: string; roles: string[] }[]> {
  if (!ids.length) return [];
  const { rows } = await db.execute<{ id: string; roles: string[] }>(sql`select id, roles from members where committee_id = ${committeeId} and status = 'active'
    and id in (select jsonb_array_elements_text(${json(ids)})::uuid)`);
  return rows;
}

export type ScoredMember = { id: string; name: string; sectorId: string | null; sectorName: string | null; roles: string[] }

/** The active members of the committee (optionally of one sector / holding one role), or one member whatever their status, with what the engine needs. */
export async function membersForScoring(db: Executor, committeeId: string, f: { sectorId?: string; role?: string; memberId?: string } = {}): Promise<ScoredMember[]> {
  const { rows } = await db.execute<ScoredMember>(sql`
    select m.id, m.name, m.sector_id as "sectorId", s.name as "sectorName", m.roles from members m
    left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
    where m.committee_id = ${committeeId} ${f.memberId ? sql`` : sql`and m.status = 'active'`}
      ${f.sectorId ? sql`and m.sector_id = ${f.sectorId}` : sql``}
      ${f.role ? sql`and m.roles @> array[${f.role}]::text[]` : sql``}
      ${f.memberId ? sql`and m.id = ${f.memberId}` : sql``}
    order by m.name_pinyin, m.id`);
  return rows;
};

/** Voids the records of some sources (a withdrawn proposal); returns the ids voided. */
export async function voidBySource(db: Executor, committeeId: string, sourceTypes: string[], sourceRef: string): Promise<string[]> {
  const which = sql`source_ref = ${sourceRef} and status <> 'void' and source_type in (select jsonb_array_elements_text(${json(sourceTypes)}))`;
  await lockYearsShared(db, committeeId, which);
  const { rows } = await db.execute<{ id: string }>(sql`update perf_duty_records
    set counted = case when status = 'verified' then ${spanChange('close')} else counted end, status = 'void', updated_at = clock_timestamp()
    where committee_id = ${committeeId} and ${which}
    returning id`);
  return rows.map((r) => r.id);
}
