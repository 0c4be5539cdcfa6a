import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { PlanState } from './domain/plan-workflow.js';
import type { TopicState } from './domain/topic-workflow.js';

/** SQL only; the committee comes first and is in every where. */

export type PlanRow = {
  id: string; year: number; version: number; state: PlanState; previousId: string | null; adjustReason: string | null;
  decidedOn: string | null; decisionDocNo: string | null; issuedOn: string | null; issuedDocNo: string | null; updatedAt: string;
};
const planCols = sql`id, year, version, state, previous_id as "previousId", adjust_reason as "adjustReason",
  decided_on::text as "decidedOn", decision_doc_no as "decisionDocNo", issued_on::text as "issuedOn", issued_doc_no as "issuedDocNo",
  updated_at as "updatedAt"`;

export async function findPlan(db: Executor, committeeId: string, id: string, lock = false): Promise<PlanRow | undefined> {
  const { rows } = await db.execute<PlanRow>(lock
    ? sql`select ${planCols} from consultation_plans where committee_id = ${committeeId} and id = ${id} for update`
    : sql`select ${planCols} from consultation_plans where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

export async function plansOfYear(db: Executor, committeeId: string, year: number): Promise<PlanRow[]> {
  const { rows } = await db.execute<PlanRow>(sql`select ${planCols} from consultation_plans
    where committee_id = ${committeeId} and year = ${year} order by version`);
  return rows;
}

export async function insertPlan(db: Executor, committeeId: string, p: { year: number; version: number; previousId?: string; adjustReason?: string }): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_plans (committee_id, year, version, previous_id, adjust_reason)
    values (${committeeId}, ${p.year}, ${p.version}, ${p.previousId ?? null}, ${p.adjustReason ?? null})
    on conflict (committee_id, year, version) do nothing returning id`);
  return rows[0]?.id ?? null;
}

export async function patchPlan(db: Executor, committeeId: string, id: string, p: Partial<{
  state: PlanState; decidedOn: string | null; decisionDocNo: string | null; issuedOn: string | null; issuedDocNo: string | null;
}>): Promise<void> {
  const sets = [sql`updated_at = now()`];
  if (p.state !== undefined) sets.push(sql`state = ${p.state}`);
  if (p.decidedOn !== undefined) sets.push(sql`decided_on = ${p.decidedOn}`);
  if (p.decisionDocNo !== undefined) sets.push(sql`decision_doc_no = ${p.decisionDocNo}`);
  if (p.issuedOn !== undefined) sets.push(sql`issued_on = ${p.issuedOn}`);
  if (p.issuedDocNo !== undefined) sets.push(sql`issued_doc_no = ${p.issuedDocNo}`);
  await db.execute(sql`update consultation_plans set ${sql.join(sets, sql`, `)} where committee_id = ${committeeId} and id = ${id}`);
}

export type ItemRow = {
  id: string; planId: string; topicId: string | null; title: string; form: string; lead: string; leadSpecialCommitteeId: string | null;
  month: number | null; leaders: string[]; units: string[]; supervisory: boolean; sort: number;
};
const itemCols = sql`id, plan_id as "planId", topic_id as "topicId", title, form, lead, lead_special_committee_id as "leadSpecialCommitteeId",
  month, leaders, units, supervisory, sort`;

export async function itemsOfPlan(db: Executor, committeeId: string, planId: string): Promise<ItemRow[]> {
  const { rows } = await db.execute<ItemRow>(sql`select ${itemCols} from consultation_plan_items
    where committee_id = ${committeeId} and plan_id = ${planId} order by sort, month nulls last, created_at, id`);
  return rows;
}

export async function findItem(db: Executor, committeeId: string, id: string): Promise<ItemRow | undefined> {
  const { rows } = await db.execute<ItemRow>(sql`select ${itemCols} from consultation_plan_items where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

export type ItemValues = Omit<ItemRow, 'id' | 'planId'>;
const arr = (a: string[]) => sql`${`{${a.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export async function insertItem(db: Executor, committeeId: string, planId: string, v: ItemValues): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_plan_items
    (committee_id, plan_id, topic_id, title, form, lead, lead_special_committee_id, month, leaders, units, supervisory, sort)
    values (${committeeId}, ${planId}, ${v.topicId}, ${v.title}, ${v.form}, ${v.lead}, ${v.leadSpecialCommitteeId}, ${v.month},
      ${arr(v.leaders)}, ${arr(v.units)}, ${v.supervisory}, ${v.sort}) returning id`);
  return rows[0].id;
}

export async function updateItem(db: Executor, committeeId: string, id: string, v: ItemValues): Promise<void> {
  await db.execute(sql`update consultation_plan_items set topic_id = ${v.topicId}, title = ${v.title}, form = ${v.form}, lead = ${v.lead},
    lead_special_committee_id = ${v.leadSpecialCommitteeId}, month = ${v.month}, leaders = ${arr(v.leaders)}, units = ${arr(v.units)},
    supervisory = ${v.supervisory}, sort = ${v.sort} where committee_id = ${committeeId} and id = ${id}`);
}

export async function deleteItem(db: Executor, committeeId: string, id: string): Promise<void> {
  await db.execute(sql`delete from consultation_plan_items where committee_id = ${committeeId} and id = ${id}`);
}

/** Copies every item of one version into the next (调整 starts from the issued plan). */
export async function copyItems(db: Executor, committeeId: string, fromPlanId: string, toPlanId: string): Promise<number> {
  const r = await db.execute(sql`insert into consultation_plan_items
    (committee_id, plan_id, topic_id, title, form, lead, lead_special_committee_id, month, leaders, units, supervisory, sort)
    select committee_id, ${toPlanId}, topic_id, title, form, lead, lead_special_committee_id, month, leaders, units, supervisory, sort
    from consultation_plan_items where committee_id = ${committeeId} and plan_id = ${fromPlanId}`);
  return r.rowCount ?? 0;
}

export async function specialCommitteeExists(db: Executor, committeeId: string, id: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from special_committees where committee_id = ${committeeId} and id = ${id}`);
  return rows.length > 0;
}

export type HistoryRow = { action: string; fromState: string; toState: string; onDate: string | null; docNo: string | null; note: string | null; actorLabel: string; at: string };

export async function insertHistory(db: Executor, committeeId: string, planId: string, h: Omit<HistoryRow, 'at'>): Promise<void> {
  await db.execute(sql`insert into consultation_plan_history (committee_id, plan_id, action, from_state, to_state, on_date, doc_no, note, actor_label)
    values (${committeeId}, ${planId}, ${h.action}, ${h.fromState}, ${h.toState}, ${h.onDate}, ${h.docNo}, ${h.note}, ${h.actorLabel})`);
}

/** The history of a plan and of every version before it, oldest first. */
export async function historyOf(db: Executor, committeeId: string, year: number): Promise<(HistoryRow & { version: number })[]> {
  const { rows } = await db.execute<HistoryRow & { version: number }>(sql`select p.version, h.action, h.from_state as "fromState", h.to_state as "toState",
    h.on_date::text as "onDate", h.doc_no as "docNo", h.note, h.actor_label as "actorLabel", h.at
    from consultation_plan_history h join consultation_plans p on p.id = h.plan_id and p.committee_id = h.committee_id
    where h.committee_id = ${committeeId} and p.year = ${year} order by h.at, h.id`);
  return rows;
}

export type TopicRow = {
  id: string; year: number; title: string; description: string; sourceKind: string; sourceName: string | null; memberId: string | null;
  memberName: string | null; submittedBy: string | null; state: TopicState; declineReason: string | null; planItemId: string | null; createdAt: string;
};
const topicCols = sql`t.id, t.year, t.title, t.description, t.source_kind as "sourceKind", t.source_name as "sourceName", t.member_id as "memberId",
  m.name as "memberName", t.submitted_by as "submittedBy", t.state, t.decline_reason as "declineReason", t.plan_item_id as "planItemId", t.created_at as "createdAt"`;

export async function findTopic(db: Executor, committeeId: string, id: string, lock = false): Promise<TopicRow | undefined> {
  const { rows } = await db.execute<TopicRow>(sql`select ${topicCols} from consultation_topics t
    left join members m on m.id = t.member_id and m.committee_id = t.committee_id
    where t.committee_id = ${committeeId} and t.id = ${id} ${lock ? sql`for update of t` : sql``}`);
  return rows[0];
}

/** Topics over `t` that are the caller's own: proposed in a member's name or recorded by the user (what a member may read). */
export function ownTopicsSql(memberIds: readonly string[], userId: string | null): SQL {
  const mine = [sql`false`];
  if (memberIds.length) mine.push(sql`t.member_id = any(${`{${memberIds.join(',')}}`}::uuid[])`);
  if (userId) mine.push(sql`t.submitted_by = ${userId}`);
  return sql`(${sql.join(mine, sql` or `)})`;
}

export async function listTopics(db: Executor, committeeId: string, f: { year?: number; state?: string; memberIds?: string[]; userId?: string | null }): Promise<TopicRow[]> {
  const conds = [sql`t.committee_id = ${committeeId}`];
  if (f.year !== undefined) conds.push(sql`t.year = ${f.year}`);
  if (f.state) conds.push(sql`t.state = ${f.state}`);
  if (f.memberIds) conds.push(ownTopicsSql(f.memberIds, f.userId ?? null));
  const { rows } = await db.execute<TopicRow>(sql`select ${topicCols} from consultation_topics t
    left join members m on m.id = t.member_id and m.committee_id = t.committee_id
    where ${sql.join(conds, sql` and `)} order by t.created_at desc, t.id limit 500`);
  return rows;
}

export async function insertTopic(db: Executor, committeeId: string, t: {
  year: number; title: string; description: string; sourceKind: string; sourceName: string | null; memberId: string | null; submittedBy: string | null;
}): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_topics
    (committee_id, year, title, description, source_kind, source_name, member_id, submitted_by)
    values (${committeeId}, ${t.year}, ${t.title}, ${t.description}, ${t.sourceKind}, ${t.sourceName}, ${t.memberId}, ${t.submittedBy}) returning id`);
  return rows[0].id;
}

export async function patchTopic(db: Executor, committeeId: string, id: string, p: { state: TopicState; declineReason?: string | null; planItemId?: string | null }): Promise<void> {
  await db.execute(sql`update consultation_topics set state = ${p.state}, decline_reason = ${p.declineReason ?? null},
    plan_item_id = ${p.planItemId ?? null}, updated_at = now() where committee_id = ${committeeId} and id = ${id}`);
}

export async function memberExists(db: Executor, committeeId: string, id: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from members where committee_id = ${committeeId} and id = ${id}`);
  return rows.length > 0;
}

export async function readSettings(db: Executor, committeeId: string): Promise<unknown> {
  const { rows } = await db.execute<{ s: unknown }>(sql`select settings -> 'consultation' as s from committees where id = ${committeeId}`);
  return rows[0]?.s ?? null;
}

export async function writeSettings(db: Executor, committeeId: string, value: unknown): Promise<void> {
  await db.execute(sql`update committees set settings = jsonb_set(settings, '{consultation}', ${JSON.stringify(value)}::jsonb, true) where id = ${committeeId}`);
}

export async function committeeHeader(db: Executor, committeeId: string): Promise<{ name: string; shortName: string }> {
  const { rows } = await db.execute<{ name: string; shortName: string }>(sql`select name, short_name as "shortName" from committees where id = ${committeeId}`);
  return rows[0];
}

/**
 * The committee's working-day calendar: the holidays and 调休 working days kept in the proposals
 * settings (one calendar per committee; read from the settings document, not from that module).
 */
export async function workCalendarOf(db: Executor, committeeId: string): Promise<{ holidays: string[]; extraWorkdays: string[] }> {
  const { rows } = await db.execute<{ h: unknown; x: unknown }>(sql`select settings -> 'proposals' -> 'holidays' as h,
    settings -> 'proposals' -> 'extraWorkdays' as x from committees where id = ${committeeId}`);
  const dates = (v: unknown) => (Array.isArray(v) ? v.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) : []);
  return { holidays: dates(rows[0]?.h), extraWorkdays: dates(rows[0]?.x) };
}
