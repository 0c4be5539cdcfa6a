import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { daysBetween } from '../../../platform/calendar.js';
import { AppError } from '../../../platform/errors.js';
import { VISIT_OUTCOME_LABELS, type RangeQuery } from '../contracts.js';
import { describeRule, occurrences } from '../domain/schedule.js';
import { NetworkErrors as E } from '../network.errors.js';
import { isNetworkOffice, memberIdsOf, type Caller } from '../network.policy.js';
import { findPlace, memberNames, rulesOfMembers, rulesOfPlace, visitsOf } from '../network.repository.js';

function checkRange(q: RangeQuery) {
  const n = daysBetween(q.from, q.to);
  if (n < 0 || n > 366) throw new AppError(E['network.range_too_long']);
}

/** 我的接待日: the caller's duty days in [from, to] from every rota that names them, with what was recorded. */
export async function myDuties(db: Db, caller: Caller, q: RangeQuery) {
  checkRange(q);
  const mine = memberIdsOf(caller);
  if (!mine.length) return [];
  const rules = await rulesOfMembers(db, caller.committeeId, mine, q.from, q.to);
  const { rows: held } = await db.execute<{ placeId: string; heldOn: string }>(sql`
    select place_id as "placeId", held_on::text as "heldOn" from network_receptions
    where committee_id = ${caller.committeeId} and status = 'held' and held_on between ${q.from} and ${q.to}
      and member_ids && ${`{${mine.join(',')}}`}::uuid[]`);
  const done = new Set(held.map((h) => `${h.placeId}:${h.heldOn}`));
  return rules
    .flatMap((r) => occurrences(r, q.from, q.to).map((date) => ({
      date, placeId: r.placeId, placeName: r.placeName, address: r.placeAddress, rule: describeRule(r), ruleId: r.id, recorded: done.has(`${r.placeId}:${date}`),
    })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.placeName.localeCompare(b.placeName));
}

/** A place's reception days in [from, to] with the members on duty (the published schedule). */
export async function placeSchedule(db: Db, caller: Caller, placeId: string, q: RangeQuery) {
  checkRange(q);
  if (!(await findPlace(db, caller.committeeId, placeId))) throw new AppError(E['network.place_not_found']);
  const rules = await rulesOfPlace(db, caller.committeeId, placeId);
  const names = await memberNames(db, caller.committeeId, rules.flatMap((r) => r.memberIds));
  return rules
    .flatMap((r) => occurrences(r, q.from, q.to).map((date) => ({ date, ruleId: r.id, rule: describeRule(r), members: r.memberIds.map((m) => ({ memberId: m, name: names.get(m) ?? '' })) })))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Receptions with their visit logs (newest first, at most 200): the office sees all, a member those they held. */
export async function listReceptions(db: Db, caller: Caller, q: { placeId?: string; from?: string; to?: string }) {
  const mine = memberIdsOf(caller);
  const office = isNetworkOffice(caller) || caller.grants.some((g) => g.role === 'staff' || g.role === 'leader');
  if (!office && !mine.length) return [];
  const { rows } = await db.execute<{ id: string; placeId: string; placeName: string; heldOn: string; memberIds: string[]; status: string; voidReason: string | null; note: string }>(sql`
    select r.id, r.place_id as "placeId", p.name as "placeName", r.held_on::text as "heldOn", r.member_ids as "memberIds", r.status, r.void_reason as "voidReason", r.note
    from network_receptions r join network_places p on p.id = r.place_id and p.committee_id = r.committee_id
    where r.committee_id = ${caller.committeeId}
      ${q.placeId ? sql`and r.place_id = ${q.placeId}` : sql``}
      ${q.from ? sql`and r.held_on >= ${q.from}` : sql``}
      ${q.to ? sql`and r.held_on <= ${q.to}` : sql``}
      ${office ? sql`` : sql`and r.member_ids && ${`{${mine.join(',')}}`}::uuid[]`}
    order by r.held_on desc, r.created_at desc limit 200`);
  const [visits, names] = await Promise.all([visitsOf(db, caller.committeeId, rows.map((r) => r.id)), memberNames(db, caller.committeeId, rows.flatMap((r) => r.memberIds))]);
  return rows.map((r) => ({
    ...r,
    members: r.memberIds.map((m) => ({ memberId: m, name: names.get(m) ?? '' })),
    visits: visits.filter((v) => v.receptionId === r.id).map(({ receptionId: _r, ...v }) => ({ ...v, outcomeLabel: VISIT_OUTCOME_LABELS[v.outcome as keyof typeof VISIT_OUTCOME_LABELS] })),
    abilities: r.status === 'held' ? [...(isNetworkOffice(caller) ? ['void'] : []), ...(isNetworkOffice(caller) || r.memberIds.some((m) => mine.includes(m)) ? ['add_visit'] : [])] : [],
  }));
}

/** Care pairings with their visits counted (the office and leaders: all; a member: their own). */
export async function listCarePairs(db: Db, caller: Caller) {
  const mine = memberIdsOf(caller);
  const all = isNetworkOffice(caller) || caller.grants.some((g) => g.role === 'staff' || g.role === 'leader');
  if (!all && !mine.length) return [];
  const { rows } = await db.execute(sql`
    select c.id, c.member_id as "memberId", m.name as "memberName", c.person_name as "personName", c.situation, c.region_id as "regionId",
      c.started_on::text as "startedOn", c.ended_on::text as "endedOn",
      count(v.id)::int as visits, coalesce(sum(v.difficulties_solved), 0)::int as "difficultiesSolved",
      coalesce(sum(cardinality(v.policies)), 0)::int as "policiesApplied"
    from network_care_pairs c join members m on m.id = c.member_id
      left join network_care_visits v on v.committee_id = c.committee_id and v.pair_id = c.id
    where c.committee_id = ${caller.committeeId} ${all ? sql`` : sql`and c.member_id = any(${`{${mine.join(',')}}`}::uuid[])`}
    group by c.id, m.name order by c.started_on desc limit 500`);
  return rows;
}
