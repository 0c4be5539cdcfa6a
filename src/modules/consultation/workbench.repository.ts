import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { WORKBENCH_ITEMS } from '../../platform/workbench.js';

/** SQL only: what waits in consultation (the workbench) and the search across modules over topics and plan items. */

export type Waiting = { id: string; title: string; state: string; year: number; at: string; total: number };

/** Topics still to be handled (列入 or 不列入), oldest first. */
export async function topicsToHandle(db: Executor, committeeId: string): Promise<Waiting[]> {
  const { rows } = await db.execute<Waiting>(sql`select t.id, t.title, t.state, t.year, t.created_at as at, count(*) over ()::int as total
    from consultation_topics t where t.committee_id = ${committeeId} and t.state = 'submitted'
    order by t.created_at, t.id limit ${WORKBENCH_ITEMS}`);
  return rows;
}

/** Plan versions waiting for their next step of the approval path (草案, 主席会议审议, 党委常委会确定 → 印发). */
export async function plansInProgress(db: Executor, committeeId: string): Promise<Waiting[]> {
  const { rows } = await db.execute<Waiting>(sql`select p.id, p.year || '年度协商计划（第' || p.version || '版）' as title, p.state, p.year,
      p.updated_at as at, count(*) over ()::int as total
    from consultation_plans p where p.committee_id = ${committeeId} and p.state in ('draft', 'chair_review', 'decided')
    order by p.year, p.version, p.id limit ${WORKBENCH_ITEMS}`);
  return rows;
}

const like = (q: string) => '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

export type TopicHit = { id: string; title: string; description: string; state: string; year: number; total: number };

/** Topics whose title or description holds every term, within `visible` (the topic list's own rule). */
export async function searchTopics(db: Executor, committeeId: string, terms: string[], visible: SQL, limit: number): Promise<TopicHit[]> {
  const match = terms.map((t) => sql`(t.title like ${like(t)} or t.description like ${like(t)})`);
  const { rows } = await db.execute<TopicHit>(sql`select t.id, t.title, left(t.description, 3000) as description, t.state, t.year, count(*) over ()::int as total
    from consultation_topics t where t.committee_id = ${committeeId} and ${visible} and ${sql.join(match, sql` and `)}
    order by t.year desc, t.created_at desc, t.id limit ${limit}`);
  return rows;
}

export type ItemHit = { id: string; planId: string; title: string; form: string; lead: string; year: number; version: number; state: string; total: number };

/** Plan items whose title or lead holds every term, in plans `visible` allows (members: issued ones only, as the plan route says). */
export async function searchPlanItems(db: Executor, committeeId: string, terms: string[], visible: SQL, limit: number): Promise<ItemHit[]> {
  const match = terms.map((t) => sql`(i.title like ${like(t)} or i.lead like ${like(t)})`);
  const { rows } = await db.execute<ItemHit>(sql`select i.id, i.plan_id as "planId", i.title, i.form, i.lead, p.year, p.version, p.state, count(*) over ()::int as total
    from consultation_plan_items i join consultation_plans p on p.committee_id = i.committee_id and p.id = i.plan_id
    where i.committee_id = ${committeeId} and ${visible} and ${sql.join(match, sql` and `)}
    order by p.year desc, p.version desc, i.id limit ${limit}`);
  return rows;
}
