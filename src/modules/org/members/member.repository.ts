import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { MemberListQuery, MemberView } from '../contracts.js';
import { queryPrepared } from '../../../platform/db/prepared.js';

/** SQL only. The first argument is always the tenant (committee) scope. */

/**
 * The cache topic of everything a member list shows (members, their sectors and special
 * committees): every command that writes one of those calls `uow.touch(committeeId, MEMBER_LIST_TOPIC)`.
 */
export const MEMBER_LIST_TOPIC = 'members';

const memberColumns = sql`
  m.id, m.name, m.gender, m.ethnicity, m.birth_date as "birthDate", m.party,
  m.sector_id as "sectorId", s.name as "sectorName",
  m.special_committee_id as "specialCommitteeId", sc.name as "specialCommitteeName",
  m.roles, m.employer, m.title, m.phone, m.status, m.left_at as "leftAt", m.left_reason as "leftReason"`;

const fromMembers = sql`
  from members m
  left join sectors s on s.id = m.sector_id and s.committee_id = m.committee_id
  left join special_committees sc on sc.id = m.special_committee_id and sc.committee_id = m.committee_id`;

export async function findMember(db: Executor, committeeId: string, id: string): Promise<MemberView | undefined> {
  const { rows } = await db.execute<MemberView>(sql`select ${memberColumns} ${fromMembers} where m.committee_id = ${committeeId} and m.id = ${id}`);
  return rows[0];
}

/** Latin letters (and spaces) are pinyin: "zs", "zhang san"; anything else is a Chinese substring. */
const isPinyinQuery = (term: string) => /^[a-zA-Z][a-zA-Z ]*$/.test(term);

function filters(committeeId: string, q: Partial<MemberListQuery>): SQL {
  const where: SQL[] = [sql`m.committee_id = ${committeeId}`];
  if (q.q) {
    const term = q.q.trim();
    if (isPinyinQuery(term)) {
      const t = term.toLowerCase().replace(/ /g, '');
      // "zs" finds 张三 by initials, "zhang" by full pinyin.
      where.push(sql`(m.name_initials like ${t + '%'} or replace(m.name_pinyin, ' ', '') like ${t + '%'})`);
    } else {
      where.push(sql`m.name like ${'%' + term.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
    }
  }
  if (q.sectorId) where.push(sql`m.sector_id = ${q.sectorId}`);
  if (q.specialCommitteeId) where.push(sql`m.special_committee_id = ${q.specialCommitteeId}`);
  if (q.role) where.push(sql`m.roles @> array[${q.role}]::text[]`);
  if (q.status) where.push(sql`m.status = ${q.status}`);
  return sql.join(where, sql` and `);
}

const sortColumns = {
  name: sql`m.name_pinyin`,
  birthDate: sql`m.birth_date`,
  createdAt: sql`m.created_at`,
  sector: sql`s.sort`,
} as const;

export async function listMembers(db: Executor, committeeId: string, q: MemberListQuery): Promise<{ items: MemberView[]; total: number }> {
  const where = filters(committeeId, q);
  const dir = q.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const order = sql`${sortColumns[q.sort]} ${dir}, m.name_pinyin, m.id`;
  // One round trip: the page and its total (a subquery; the inner alias m shadows the outer one,
  // and filters() only names m's columns). Prepared: this is the hottest read of the app.
  // …except a Chinese substring search: a prepared statement soon runs on a generic plan, which
  // cannot see the pattern and scans the trigram index of every committee (bench: p95 8 → 190 ms).
  const prepare = !q.q || isPinyinQuery(q.q.trim());
  const rows = await queryPrepared<MemberView & { total: number }>(db, sql`
    select ${memberColumns}, (select count(*)::int from members m where ${where}) as total
    ${fromMembers} where ${where} order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`, { prepare });
  let total = rows[0]?.total;
  if (total === undefined) {
    total = q.page > 1 ? (await queryPrepared<{ n: number }>(db, sql`select count(*)::int as n from members m where ${where}`, { prepare }))[0].n : 0;
  }
  return { items: rows.map(({ total: _t, ...m }) => m as MemberView), total };
}

/** Every member matching the filters, for exports. */
export async function allMembers(db: Executor, committeeId: string, q: Partial<MemberListQuery>): Promise<MemberView[]> {
  const { rows } = await db.execute<MemberView>(sql`select ${memberColumns} ${fromMembers} where ${filters(committeeId, q)}
                                                   order by s.sort nulls last, m.name_pinyin, m.id`);
  return rows;
}

export async function memberByPhone(db: Executor, committeeId: string, phone: string) {
  const { rows } = await db.execute<{ id: string; name: string }>(
    sql`select id, name from members where committee_id = ${committeeId} and phone = ${phone}`);
  return rows[0];
}

export async function sectorBelongs(db: Executor, committeeId: string, id: string) {
  return (await db.execute(sql`select 1 from sectors where committee_id = ${committeeId} and id = ${id}`)).rows.length > 0;
}

export async function specialCommitteeBelongs(db: Executor, committeeId: string, id: string) {
  return (await db.execute(sql`select 1 from special_committees where committee_id = ${committeeId} and id = ${id}`)).rows.length > 0;
}

export interface MemberRow {
  termId: string | null;
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: string;
  ethnicity: string;
  birthDate: string | null;
  party: string | null;
  sectorId: string | null;
  specialCommitteeId: string | null;
  roles: string[];
  employer: string | null;
  title: string | null;
  phone: string | null;
  status: string;
  leftAt: string | null;
  leftReason: string | null;
}

const insertCols = sql`(committee_id, term_id, name, name_pinyin, name_initials, gender, ethnicity, birth_date, party,
  sector_id, special_committee_id, roles, employer, title, phone, status, left_at, left_reason)`;

/** Inserts many members with one statement per chunk (imports of 100,000 rows). */
export async function insertMembers(db: Executor, committeeId: string, rows: MemberRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const { rows: out } = await db.execute<{ id: string }>(sql`
    insert into members ${insertCols}
    select ${committeeId}::uuid, r.term_id, r.name, r.name_pinyin, r.name_initials, r.gender, r.ethnicity, r.birth_date, r.party,
           r.sector_id, r.special_committee_id, r.roles, r.employer, r.title, r.phone, r.status, r.left_at, r.left_reason
      from json_to_recordset(${JSON.stringify(rows.map(toSnake))}::json) as r(
        term_id uuid, name text, name_pinyin text, name_initials text, gender text, ethnicity text, birth_date date, party text,
        sector_id uuid, special_committee_id uuid, roles text[], employer text, title text, phone text, status text,
        left_at date, left_reason text)
    returning id`);
  return out.map((r) => r.id);
}

function toSnake(r: MemberRow) {
  return {
    term_id: r.termId, name: r.name, name_pinyin: r.namePinyin, name_initials: r.nameInitials, gender: r.gender,
    ethnicity: r.ethnicity, birth_date: r.birthDate, party: r.party, sector_id: r.sectorId,
    special_committee_id: r.specialCommitteeId, roles: r.roles, employer: r.employer, title: r.title, phone: r.phone,
    status: r.status, left_at: r.leftAt, left_reason: r.leftReason,
  };
}

export async function updateMemberRow(db: Executor, committeeId: string, id: string, r: MemberRow) {
  await db.execute(sql`
    update members set name = ${r.name}, name_pinyin = ${r.namePinyin}, name_initials = ${r.nameInitials}, gender = ${r.gender},
      ethnicity = ${r.ethnicity}, birth_date = ${r.birthDate}, party = ${r.party}, sector_id = ${r.sectorId},
      special_committee_id = ${r.specialCommitteeId}, roles = ${sql`array[${sql.join(r.roles.map((x) => sql`${x}`), sql`,`)}]::text[]`},
      employer = ${r.employer}, title = ${r.title}, phone = ${r.phone}, status = ${r.status}, left_at = ${r.leftAt},
      left_reason = ${r.leftReason}, updated_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

export async function currentTermId(db: Executor, committeeId: string): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select id from terms where committee_id = ${committeeId} and is_current order by number desc limit 1`);
  return rows[0]?.id ?? null;
}

export async function memberTermId(db: Executor, committeeId: string, id: string): Promise<string | null> {
  const { rows } = await db.execute<{ term_id: string | null }>(
    sql`select term_id from members where committee_id = ${committeeId} and id = ${id}`);
  return rows[0]?.term_id ?? null;
}
