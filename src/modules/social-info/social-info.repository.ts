import { sql, type SQL } from 'drizzle-orm';
import { pgArrayLiteral } from '../../platform/db/pg-array.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { InfoState, IssueStatus } from './domain/info-workflow.js';
import { CHINA_TZ_SQL } from '../../platform/db/china-time-sql.js';

/** SQL only. The first argument after the executor is always the committee. */

const jsonArr = (xs: readonly string[]) => sql`${JSON.stringify(xs)}::jsonb`;
export const toTextArray = (xs: readonly string[]) => sql`array(select jsonb_array_elements_text(${jsonArr(xs)}))::text[]`;
/**
 * A text[] as ONE bound literal ('{"a","b"}'::text[]), not a sub-select: the planner then sees the
 * words and estimates `tokens && …` from the column's element statistics, so a committee-scoped
 * search on common words filters the committee's rows instead of reading every committee's
 * matches from the global GIN index (measured: 17,000 GIN hits for 40 rows at 50,000 items).
 */
export const textArrayParam = (xs: readonly string[]) =>
  sql`${pgArrayLiteral(xs)}::text[]`;
/**
 * `i.tokens` overlaps the words, evaluated on the committee's rows (the committee indexes find
 * them) rather than through the global GIN index: the planner prices the GIN bitmap far below
 * its real cost (reading every committee's postings: 17,000 for 40 hits at 50,000 items, ten times
 * that at 500,000). A committee has at most some thousands of items, so filtering them is cheap.
 * (`|| '{}'` only hides the column from the GIN index.)
 */
export const tokensOverlap = (words: readonly string[]) => sql`(i.tokens || '{}'::text[]) && ${textArrayParam(words)}`;
export const toUuidArray = (xs: readonly string[]) => sql`array(select jsonb_array_elements_text(${jsonArr(xs)})::uuid)::uuid[]`;

export type ItemRow = {
  id: string;
  sourceKind: string;
  sourceName: string | null;
  memberIds: string[];
  topicId: string | null;
  urgent: boolean;
  title: string;
  body: string;
  tokens: string[];
  state: InfoState;
  reason: string | null;
  mergedIntoId: string | null;
  issueId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string;
  publishedAt: string | null;
  sourceRef: string | null;
};

const itemCols = sql`id, source_kind as "sourceKind", source_name as "sourceName", member_ids as "memberIds", topic_id as "topicId", urgent,
  title, body, tokens, state, reason, merged_into_id as "mergedIntoId", issue_id as "issueId", created_by as "createdBy",
  created_at as "createdAt", updated_at as "updatedAt", submitted_at as "submittedAt", published_at as "publishedAt", source_ref as "sourceRef"`;

export async function findItem(db: Executor, committeeId: string, id: string, opts: { lock?: boolean } = {}): Promise<ItemRow | undefined> {
  const { rows } = await db.execute<ItemRow>(sql`select ${itemCols} from social_info_items where committee_id = ${committeeId} and id = ${id}
    ${opts.lock ? sql`for update` : sql``}`);
  return rows[0];
}

export interface NewItem {
  sourceKind: string;
  sourceName: string | null;
  memberIds: string[];
  topicId: string | null;
  urgent: boolean;
  title: string;
  body: string;
  tokens: string[];
  createdBy: string | null;
}

export async function insertItem(db: Executor, committeeId: string, p: NewItem): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into social_info_items (committee_id, source_kind, source_name, member_ids, topic_id, urgent, title, body, tokens, created_by)
    values (${committeeId}, ${p.sourceKind}, ${p.sourceName}, ${toUuidArray(p.memberIds)}, ${p.topicId}, ${p.urgent}, ${p.title}, ${p.body},
            ${toTextArray(p.tokens)}, ${p.createdBy})
    returning id`);
  return rows[0].id;
}

/**
 * A draft item keyed by its source (unique per committee): null when that source already has
 * its item, so a repeated request writes nothing.
 */
export async function insertDraftFromSource(db: Executor, committeeId: string, sourceRef: string, p: NewItem): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into social_info_items (committee_id, source_kind, source_name, member_ids, topic_id, urgent, title, body, tokens, created_by, state, source_ref)
    values (${committeeId}, ${p.sourceKind}, ${p.sourceName}, ${toUuidArray(p.memberIds)}, ${p.topicId}, ${p.urgent}, ${p.title}, ${p.body},
            ${toTextArray(p.tokens)}, ${p.createdBy}, 'draft', ${sourceRef})
    on conflict (committee_id, source_ref) do nothing
    returning id`);
  return rows[0]?.id ?? null;
}

export interface ItemPatch {
  state?: InfoState;
  title?: string;
  body?: string;
  tokens?: string[];
  reason?: string | null;
  mergedIntoId?: string | null;
  issueId?: string | null;
  submittedAt?: 'now';
  publishedAt?: 'now';
}

export async function patchItem(db: Executor, committeeId: string, id: string, p: ItemPatch) {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (p.state !== undefined) sets.push(sql`state = ${p.state}`);
  if (p.title !== undefined) sets.push(sql`title = ${p.title}`);
  if (p.body !== undefined) sets.push(sql`body = ${p.body}`);
  if (p.tokens !== undefined) sets.push(sql`tokens = ${toTextArray(p.tokens)}`);
  if (p.reason !== undefined) sets.push(sql`reason = ${p.reason}`);
  if (p.mergedIntoId !== undefined) sets.push(sql`merged_into_id = ${p.mergedIntoId}`);
  if (p.issueId !== undefined) sets.push(sql`issue_id = ${p.issueId}`);
  if (p.submittedAt) sets.push(sql`submitted_at = now()`);
  if (p.publishedAt) sets.push(sql`published_at = now()`);
  await db.execute(sql`update social_info_items set ${sql.join(sets, sql`, `)} where committee_id = ${committeeId} and id = ${id}`);
}

export type VersionRow = { version: number; kind: string; title: string; body: string; note: string | null; createdByLabel: string | null; createdAt: string };

export async function insertVersion(
  db: Executor, committeeId: string, itemId: string,
  v: { kind: 'original' | 'edit' | 'resubmission'; title: string; body: string; note?: string | null; createdBy: string | null; createdByLabel: string },
): Promise<number> {
  const { rows } = await db.execute<{ version: number }>(sql`
    insert into social_info_versions (committee_id, item_id, version, kind, title, body, note, created_by, created_by_label)
    select ${committeeId}, ${itemId}, coalesce(max(version), 0) + 1, ${v.kind}, ${v.title}, ${v.body}, ${v.note ?? null}, ${v.createdBy}, ${v.createdByLabel}
      from social_info_versions where committee_id = ${committeeId} and item_id = ${itemId}
    returning version`);
  return rows[0].version;
}

export async function versionsOf(db: Executor, committeeId: string, itemId: string): Promise<VersionRow[]> {
  const { rows } = await db.execute<VersionRow>(sql`
    select version, kind, title, body, note, created_by_label as "createdByLabel", created_at as "createdAt"
      from social_info_versions where committee_id = ${committeeId} and item_id = ${itemId} order by version`);
  return rows;
}

export async function readInfoSettings(db: Executor, committeeId: string): Promise<unknown> {
  const { rows } = await db.execute<{ s: unknown }>(sql`select settings -> 'socialInfo' as s from committees where id = ${committeeId}`);
  return rows[0]?.s ?? {};
}

export async function writeInfoSettings(db: Executor, committeeId: string, value: unknown) {
  await db.execute(sql`update committees set settings = jsonb_set(settings, '{socialInfo}', ${JSON.stringify(value)}::jsonb, true) where id = ${committeeId}`);
}

/** Ids among `ids` that are active members of the committee. */
export async function activeMembers(db: Executor, committeeId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await db.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId} and status = 'active'
    and id in (select jsonb_array_elements_text(${jsonArr(ids)})::uuid)`);
  return new Set(rows.map((r) => r.id));
}

export async function memberNames(db: Executor, committeeId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute<{ id: string; name: string }>(sql`select id, name from members where committee_id = ${committeeId}
    and id in (select jsonb_array_elements_text(${jsonArr(ids)})::uuid)`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ── topics ──
export type TopicRow = { id: string; year: number; title: string; description: string; active: boolean };

export async function insertTopic(db: Executor, committeeId: string, t: { year: number; title: string; description: string }): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into social_info_topics (committee_id, year, title, description)
    values (${committeeId}, ${t.year}, ${t.title}, ${t.description}) returning id`);
  return rows[0].id;
}

export async function listTopics(db: Executor, committeeId: string, year?: number): Promise<TopicRow[]> {
  const { rows } = await db.execute<TopicRow>(sql`select id, year, title, description, active from social_info_topics
    where committee_id = ${committeeId} ${year ? sql`and year = ${year}` : sql``} order by year desc, created_at`);
  return rows;
}

export async function activeTopic(db: Executor, committeeId: string, id: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from social_info_topics where committee_id = ${committeeId} and id = ${id} and active`);
  return rows.length > 0;
}

// ── officers ──
export async function insertOfficer(db: Executor, committeeId: string, o: { year: number; memberId: string; monthlyQuota: number }): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into social_info_officers (committee_id, year, member_id, monthly_quota)
    values (${committeeId}, ${o.year}, ${o.memberId}, ${o.monthlyQuota}) on conflict do nothing returning id`);
  return rows[0]?.id ?? null;
}

export async function isOfficer(db: Executor, committeeId: string, memberId: string, year: number): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from social_info_officers where committee_id = ${committeeId} and member_id = ${memberId} and year = ${year}`);
  return rows.length > 0;
}

export type OfficerProgressRow = { memberId: string; name: string; monthlyQuota: number; month: number | null; items: number };

/** Items per month of the year for each officer (by submission date in China time). */
export async function officerProgress(db: Executor, committeeId: string, year: number): Promise<OfficerProgressRow[]> {
  const { rows } = await db.execute<OfficerProgressRow>(sql`
    select o.member_id as "memberId", m.name, o.monthly_quota as "monthlyQuota", c.month, coalesce(c.n, 0)::int as items
      from social_info_officers o
      join members m on m.id = o.member_id and m.committee_id = o.committee_id
      left join lateral (
        select extract(month from i.submitted_at at time zone ${CHINA_TZ_SQL})::int as month, count(*)::int as n
          from social_info_items i
         where i.committee_id = o.committee_id and o.member_id = any(i.member_ids)
           and extract(year from i.submitted_at at time zone ${CHINA_TZ_SQL}) = ${year}
         group by 1) c on true
     where o.committee_id = ${committeeId} and o.year = ${year}
     order by m.name_pinyin, c.month`);
  return rows;
}

// ── periodicals and issues ──
export type PeriodicalRow = { id: string; name: string; sort: number };

export async function insertPeriodical(db: Executor, committeeId: string, p: { name: string; sort: number }): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into social_info_periodicals (committee_id, name, sort)
    values (${committeeId}, ${p.name}, ${p.sort}) on conflict do nothing returning id`);
  return rows[0]?.id ?? null;
}

export async function listPeriodicals(db: Executor, committeeId: string): Promise<PeriodicalRow[]> {
  const { rows } = await db.execute<PeriodicalRow>(sql`select id, name, sort from social_info_periodicals where committee_id = ${committeeId} order by sort, name`);
  return rows;
}

export async function findPeriodical(db: Executor, committeeId: string, id: string): Promise<PeriodicalRow | undefined> {
  const { rows } = await db.execute<PeriodicalRow>(sql`select id, name, sort from social_info_periodicals where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

export type IssueRow = {
  id: string;
  periodicalId: string;
  periodicalName: string;
  year: number;
  number: number | null;
  title: string;
  status: IssueStatus;
  signedByLabel: string | null;
  signedAt: string | null;
  releasedAt: string | null;
  createdAt: string;
};

const issueCols = sql`i.id, i.periodical_id as "periodicalId", p.name as "periodicalName", i.year, i.number, i.title, i.status,
  i.signed_by_label as "signedByLabel", i.signed_at as "signedAt", i.released_at as "releasedAt", i.created_at as "createdAt"`;

export async function findIssue(db: Executor, committeeId: string, id: string, opts: { lock?: boolean } = {}): Promise<IssueRow | undefined> {
  const { rows } = await db.execute<IssueRow>(sql`select ${issueCols} from social_info_issues i
    join social_info_periodicals p on p.id = i.periodical_id and p.committee_id = i.committee_id
    where i.committee_id = ${committeeId} and i.id = ${id} ${opts.lock ? sql`for update of i` : sql``}`);
  return rows[0];
}

export async function listIssues(db: Executor, committeeId: string, q: { periodicalId?: string; year?: number }): Promise<IssueRow[]> {
  const { rows } = await db.execute<IssueRow>(sql`select ${issueCols} from social_info_issues i
    join social_info_periodicals p on p.id = i.periodical_id and p.committee_id = i.committee_id
    where i.committee_id = ${committeeId} ${q.periodicalId ? sql`and i.periodical_id = ${q.periodicalId}` : sql``}
      ${q.year ? sql`and i.year = ${q.year}` : sql``}
    order by i.year desc, p.sort, i.number desc nulls first, i.created_at desc limit 500`);
  return rows;
}

export async function insertIssue(db: Executor, committeeId: string, p: { periodicalId: string; year: number; title: string }): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into social_info_issues (committee_id, periodical_id, year, title)
    values (${committeeId}, ${p.periodicalId}, ${p.year}, ${p.title}) returning id`);
  return rows[0].id;
}

export async function setIssueSigned(db: Executor, committeeId: string, id: string, by: { userId: string | null; label: string }) {
  await db.execute(sql`update social_info_issues set status = 'signed', signed_by = ${by.userId}, signed_by_label = ${by.label}, signed_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

export async function setIssueStatus(db: Executor, committeeId: string, id: string, status: IssueStatus) {
  await db.execute(sql`update social_info_issues set status = ${status} where committee_id = ${committeeId} and id = ${id}`);
}

export async function setIssueReleased(db: Executor, committeeId: string, id: string, number: number) {
  await db.execute(sql`update social_info_issues set status = 'released', number = ${number}, released_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

/**
 * The next issue number of a periodical in a year. The upsert takes the counter row's lock and
 * holds it until commit, so concurrent releases queue and numbers have neither gaps nor duplicates.
 */
export async function nextIssueNumber(db: Executor, committeeId: string, periodicalId: string, year: number): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    insert into social_info_issue_counters (committee_id, periodical_id, year, last_number) values (${committeeId}, ${periodicalId}, ${year}, 1)
    on conflict (committee_id, periodical_id, year) do update set last_number = social_info_issue_counters.last_number + 1
    returning last_number as n`);
  return Number(rows[0].n);
}

export async function itemsOfIssue(db: Executor, committeeId: string, issueId: string): Promise<ItemRow[]> {
  const { rows } = await db.execute<ItemRow>(sql`select ${itemCols} from social_info_items where committee_id = ${committeeId} and issue_id = ${issueId}
    order by urgent desc, submitted_at`);
  return rows;
}

// ── forwards and results ──
export type ForwardRow = { id: string; itemId: string; issueId: string | null; destination: string; forwardedOn: string };
export type ResultRow = {
  id: string; forwardId: string; kind: string; publication: string | null; leader: string | null; level: string | null; onDate: string; text: string;
};

export async function insertForward(db: Executor, committeeId: string, f: { itemId: string; issueId: string | null; destination: string; forwardedOn: string }) {
  const { rows } = await db.execute<{ id: string }>(sql`insert into social_info_forwards (committee_id, item_id, issue_id, destination, forwarded_on)
    values (${committeeId}, ${f.itemId}, ${f.issueId}, ${f.destination}, ${f.forwardedOn}) on conflict do nothing returning id`);
  return rows[0]?.id ?? null;
}

export async function forwardsOf(db: Executor, committeeId: string, itemId: string): Promise<ForwardRow[]> {
  const { rows } = await db.execute<ForwardRow>(sql`select id, item_id as "itemId", issue_id as "issueId", destination, forwarded_on::text as "forwardedOn"
    from social_info_forwards where committee_id = ${committeeId} and item_id = ${itemId} order by forwarded_on, destination`);
  return rows;
}

export async function insertResult(db: Executor, committeeId: string, r: Omit<ResultRow, 'id'> & { itemId: string }): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into social_info_results (committee_id, forward_id, item_id, kind, publication, leader, level, on_date, text)
    values (${committeeId}, ${r.forwardId}, ${r.itemId}, ${r.kind}, ${r.publication}, ${r.leader}, ${r.level}, ${r.onDate}, ${r.text}) returning id`);
  return rows[0].id;
}

export async function resultsOf(db: Executor, committeeId: string, itemId: string): Promise<ResultRow[]> {
  const { rows } = await db.execute<ResultRow>(sql`select id, forward_id as "forwardId", kind, publication, leader, level, on_date::text as "onDate", text
    from social_info_results where committee_id = ${committeeId} and item_id = ${itemId} order by on_date, created_at`);
  return rows;
}

/** Domain events about one item, oldest first (the author's trail). */
export async function eventsOfItem(db: Executor, committeeId: string, itemId: string) {
  const { rows } = await db.execute<{ type: string; payload: Record<string, unknown>; at: string }>(sql`
    select type, payload, created_at as at from domain_events where committee_id = ${committeeId} and entity_id = ${itemId} order by id`);
  return rows;
}

// ── exports and figures ──
export type AuthorInfo = { name: string; sector: string | null };

/** Name and sector (界别) of each member, for author lines and figures. */
export async function authorInfo(db: Executor, committeeId: string, ids: readonly string[]): Promise<Map<string, AuthorInfo>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute<{ id: string; name: string; sector: string | null }>(sql`
    select m.id, m.name, s.name as sector from members m left join sectors s on s.id = m.sector_id
     where m.committee_id = ${committeeId} and m.id in (select jsonb_array_elements_text(${jsonArr(ids)})::uuid)`);
  return new Map(rows.map((r) => [r.id, { name: r.name, sector: r.sector }]));
}

export async function committeeHeader(db: Executor, committeeId: string): Promise<{ name: string; shortName: string; region: string | null }> {
  const { rows } = await db.execute<{ name: string; shortName: string; region: string | null }>(sql`
    select name, short_name as "shortName", region from committees where id = ${committeeId}`);
  return rows[0];
}

/** The user accounts of the given members in the committee (role member), for notifications. */
export async function usersOfMembers(db: Executor, committeeId: string, memberIds: readonly string[]): Promise<string[]> {
  if (!memberIds.length) return [];
  const { rows } = await db.execute<{ userId: string }>(sql`
    select distinct r.user_id as "userId" from user_roles r join users u on u.id = r.user_id and u.active
     where r.committee_id = ${committeeId} and r.role = 'member' and r.member_id in (select jsonb_array_elements_text(${jsonArr(memberIds)})::uuid)`);
  return rows.map((r) => r.userId);
}
