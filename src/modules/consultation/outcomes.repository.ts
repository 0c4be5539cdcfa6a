import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { OutcomeKind, OutcomeState, Result } from './domain/outcome-workflow.js';

/** SQL only for outcome documents, recommendations, instructions and referrals; the committee comes first and is in every where. */

export type OutcomeRow = {
  id: string; planItemId: string; meetingId: string | null; kind: OutcomeKind; year: number; number: number; title: string; summary: string;
  state: OutcomeState; sentTo: string[]; sentOn: string | null; createdAt: string; updatedAt: string;
};
const cols = sql`id, plan_item_id as "planItemId", meeting_id as "meetingId", kind, year, number, title, summary, state, sent_to as "sentTo",
  sent_on::text as "sentOn", created_at as "createdAt", updated_at as "updatedAt"`;
const textArr = (a: readonly string[]) => sql`${`{${a.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
const uuidList = (a: readonly string[]) => sql`(select x::uuid from jsonb_array_elements_text(${JSON.stringify(a)}::jsonb) x)`;

/** The next number of a kind in a year: the upsert takes the counter row's lock, so two drafts never share one. */
export async function nextNumber(db: Executor, committeeId: string, kind: OutcomeKind, year: number): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    insert into consultation_outcome_counters (committee_id, kind, year, last_number) values (${committeeId}, ${kind}, ${year}, 1)
    on conflict (committee_id, kind, year) do update set last_number = consultation_outcome_counters.last_number + 1
    returning last_number as n`);
  return rows[0].n;
}

export async function insertOutcome(db: Executor, committeeId: string, o: { planItemId: string; meetingId: string | null; kind: OutcomeKind; year: number; number: number; title: string; summary: string }): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_outcomes (committee_id, plan_item_id, meeting_id, kind, year, number, title, summary)
    values (${committeeId}, ${o.planItemId}, ${o.meetingId}, ${o.kind}, ${o.year}, ${o.number}, ${o.title}, ${o.summary}) returning id`);
  return rows[0].id;
}

export async function findOutcome(db: Executor, committeeId: string, id: string, lock = false): Promise<OutcomeRow | undefined> {
  const { rows } = await db.execute<OutcomeRow>(sql`select ${cols} from consultation_outcomes where committee_id = ${committeeId} and id = ${id}
    ${lock ? sql`for update` : sql``}`);
  return rows[0];
}

export async function patchOutcome(db: Executor, committeeId: string, id: string, p: Partial<{ state: OutcomeState; title: string; summary: string; sentTo: string[]; sentOn: string }>) {
  const sets = [sql`updated_at = now()`];
  if (p.state) sets.push(sql`state = ${p.state}`);
  if (p.title !== undefined) sets.push(sql`title = ${p.title}`);
  if (p.summary !== undefined) sets.push(sql`summary = ${p.summary}`);
  if (p.sentTo) sets.push(sql`sent_to = ${textArr(p.sentTo)}`);
  if (p.sentOn) sets.push(sql`sent_on = ${p.sentOn}`);
  await db.execute(sql`update consultation_outcomes set ${sql.join(sets, sql`, `)} where committee_id = ${committeeId} and id = ${id}`);
}

export async function listOutcomes(db: Executor, committeeId: string, f: { year?: number; kind?: string; planItemId?: string; unitIds?: string[] }) {
  const conds = [sql`o.committee_id = ${committeeId}`];
  if (f.year !== undefined) conds.push(sql`o.year = ${f.year}`);
  if (f.kind) conds.push(sql`o.kind = ${f.kind}`);
  if (f.planItemId) conds.push(sql`o.plan_item_id = ${f.planItemId}`);
  if (f.unitIds) conds.push(sql`exists (select 1 from consultation_referrals r where r.committee_id = o.committee_id and r.outcome_id = o.id and r.unit_id in ${uuidList(f.unitIds)})`);
  const { rows } = await db.execute<OutcomeRow & { recommendations: number }>(sql`select o.id, o.plan_item_id as "planItemId", o.meeting_id as "meetingId",
    o.kind, o.year, o.number, o.title, o.summary, o.state, o.sent_to as "sentTo", o.sent_on::text as "sentOn", o.created_at as "createdAt",
    o.updated_at as "updatedAt", (select count(*)::int from consultation_recommendations c where c.committee_id = o.committee_id and c.outcome_id = o.id) as recommendations
    from consultation_outcomes o where ${sql.join(conds, sql` and `)} order by o.year desc, o.kind, o.number desc limit 500`);
  return rows;
}

export type RecommendationRow = { id: string; outcomeId: string; seq: number; body: string; result: Result | null; evidence: string | null; resultOn: string | null };
const recCols = sql`id, outcome_id as "outcomeId", seq, body, result, evidence, result_on::text as "resultOn"`;

export async function recommendationsOf(db: Executor, committeeId: string, outcomeId: string): Promise<RecommendationRow[]> {
  const { rows } = await db.execute<RecommendationRow>(sql`select ${recCols} from consultation_recommendations
    where committee_id = ${committeeId} and outcome_id = ${outcomeId} order by seq`);
  return rows;
}

export async function findRecommendation(db: Executor, committeeId: string, id: string, lock = false): Promise<RecommendationRow | undefined> {
  const { rows } = await db.execute<RecommendationRow>(sql`select ${recCols} from consultation_recommendations where committee_id = ${committeeId} and id = ${id}
    ${lock ? sql`for update` : sql``}`);
  return rows[0];
}

/** Replaces a draft's numbered recommendations (1, 2, …) by the list given. */
export async function replaceRecommendations(db: Executor, committeeId: string, outcomeId: string, bodies: readonly string[]) {
  await db.execute(sql`delete from consultation_recommendations where committee_id = ${committeeId} and outcome_id = ${outcomeId}`);
  if (!bodies.length) return;
  await db.execute(sql`insert into consultation_recommendations (committee_id, outcome_id, seq, body)
    select ${committeeId}, ${outcomeId}, n, b from jsonb_array_elements_text(${JSON.stringify(bodies)}::jsonb) with ordinality as t(b, n)`);
}

export async function setResult(db: Executor, committeeId: string, id: string, r: { result: Result; evidence: string; onDate: string }) {
  await db.execute(sql`update consultation_recommendations set result = ${r.result}, evidence = ${r.evidence}, result_on = ${r.onDate}, updated_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

export type InstructionRow = { id: string; leader: string; onDate: string; body: string };
export async function instructionsOf(db: Executor, committeeId: string, outcomeId: string): Promise<InstructionRow[]> {
  const { rows } = await db.execute<InstructionRow>(sql`select id, leader, on_date::text as "onDate", body from consultation_instructions
    where committee_id = ${committeeId} and outcome_id = ${outcomeId} order by on_date, created_at, id`);
  return rows;
}
export async function insertInstruction(db: Executor, committeeId: string, outcomeId: string, i: { leader: string; onDate: string; body: string }): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_instructions (committee_id, outcome_id, leader, on_date, body)
    values (${committeeId}, ${outcomeId}, ${i.leader}, ${i.onDate}, ${i.body}) returning id`);
  return rows[0].id;
}

export type ReferralRow = { id: string; outcomeId: string; unitId: string; unitName: string; deadline: string; referredOn: string; feedback: string | null; feedbackAt: string | null };
const refCols = sql`r.id, r.outcome_id as "outcomeId", r.unit_id as "unitId", u.name as "unitName", r.deadline::text as deadline,
  r.referred_on::text as "referredOn", r.feedback, r.feedback_at as "feedbackAt"`;

export async function referralsOf(db: Executor, committeeId: string, outcomeId: string): Promise<ReferralRow[]> {
  const { rows } = await db.execute<ReferralRow>(sql`select ${refCols} from consultation_referrals r
    join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
    where r.committee_id = ${committeeId} and r.outcome_id = ${outcomeId} order by u.name, r.id`);
  return rows;
}
export async function findReferral(db: Executor, committeeId: string, id: string, lock = false): Promise<ReferralRow | undefined> {
  const { rows } = await db.execute<ReferralRow>(sql`select ${refCols} from consultation_referrals r
    join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
    where r.committee_id = ${committeeId} and r.id = ${id} ${lock ? sql`for update of r` : sql``}`);
  return rows[0];
}
/** Refers to units (a unit referred again gets the new deadline); returns the units newly referred. */
export async function upsertReferrals(db: Executor, committeeId: string, outcomeId: string, unitIds: readonly string[], deadline: string, referredOn: string): Promise<string[]> {
  const { rows } = await db.execute<{ unitId: string; created: boolean }>(sql`insert into consultation_referrals (committee_id, outcome_id, unit_id, deadline, referred_on)
    select ${committeeId}, ${outcomeId}, x, ${deadline}, ${referredOn} from ${uuidList(unitIds)} as t(x)
    on conflict (committee_id, outcome_id, unit_id) do update set deadline = excluded.deadline
    returning unit_id as "unitId", (xmax = 0) as created`);
  return rows.filter((r) => r.created).map((r) => r.unitId);
}
export async function writeFeedback(db: Executor, committeeId: string, id: string, text: string, userId: string | null) {
  await db.execute(sql`update consultation_referrals set feedback = ${text}, feedback_at = now(), feedback_by = ${userId} where committee_id = ${committeeId} and id = ${id}`);
}
export async function knownUnits(db: Executor, committeeId: string, ids: readonly string[]): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from handling_units where committee_id = ${committeeId} and id in ${uuidList(ids)}`);
  return rows[0].n;
}
export async function clerkUsersOf(db: Executor, committeeId: string, unitIds: readonly string[]): Promise<{ unitId: string; userId: string }[]> {
  if (!unitIds.length) return [];
  const { rows } = await db.execute<{ unitId: string; userId: string }>(sql`select distinct r.unit_id as "unitId", r.user_id as "userId" from user_roles r
    join users u on u.id = r.user_id and u.active where r.committee_id = ${committeeId} and r.role = 'unit_clerk' and r.unit_id in ${uuidList(unitIds)}`);
  return rows;
}

/** Referrals still waiting for feedback, every committee (for the daily reminders). */
export async function pendingReferrals(db: Executor) {
  const { rows } = await db.execute<{ id: string; committeeId: string; outcomeId: string; unitId: string; deadline: string; title: string; kind: OutcomeKind; year: number; number: number }>(sql`
    select r.id, r.committee_id as "committeeId", r.outcome_id as "outcomeId", r.unit_id as "unitId", r.deadline::text as deadline,
      o.title, o.kind, o.year, o.number
    from consultation_referrals r join consultation_outcomes o on o.committee_id = r.committee_id and o.id = r.outcome_id
    where r.feedback_at is null and o.state in ('referred', 'answered') order by r.committee_id, r.deadline`);
  return rows;
}
