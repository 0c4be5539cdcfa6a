import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { inCommittees, type CommitteeScope } from '../../../platform/scope.js';

/**
 * Plan items of a year by form and by the state of their plan, over a committee scope. Only the
 * version in force counts per committee — the newest issued one, else the newest version — so
 * an adjusted plan is never counted twice.
 *
 *   with cur as (select distinct on (committee_id) id, state from consultation_plans
 *                where committee_id = any($ids) and year = $year
 *                order by committee_id, (state = 'issued') desc, version desc)
 *   select form, state, count(*), count(*) filter (where supervisory) from consultation_plan_items join cur … group by 1, 2
 */
export async function planItemFigures(db: Executor, scope: CommitteeScope, year: number) {
  const { rows } = await db.execute<{ form: string; state: string; items: number; supervisory: number }>(sql`
    with cur as (
      select distinct on (committee_id) id, committee_id, state from consultation_plans
      where ${inCommittees(sql.raw('committee_id'), scope)} and year = ${year}
      order by committee_id, (state = 'issued') desc, version desc)
    select i.form, cur.state, count(*)::int as items, (count(*) filter (where i.supervisory))::int as supervisory
    from consultation_plan_items i join cur on cur.id = i.plan_id and cur.committee_id = i.committee_id
    group by 1, 2 order by 1, 2`);
  const { rows: plans } = await db.execute<{ state: string; n: number }>(sql`
    select state, count(*)::int as n from (
      select distinct on (committee_id) state from consultation_plans
      where ${inCommittees(sql.raw('committee_id'), scope)} and year = ${year}
      order by committee_id, (state = 'issued') desc, version desc) p group by 1 order by 1`);
  const byForm = new Map<string, { form: string; items: number; supervisory: number; byState: Record<string, number> }>();
  for (const r of rows) {
    const f = byForm.get(r.form) ?? { form: r.form, items: 0, supervisory: 0, byState: {} };
    f.items += r.items;
    f.supervisory += r.supervisory;
    f.byState[r.state] = (f.byState[r.state] ?? 0) + r.items;
    byForm.set(r.form, f);
  }
  const forms = [...byForm.values()];
  return {
    year, scope: scope.kind, committees: scope.committeeIds.length,
    plansByState: Object.fromEntries(plans.map((p) => [p.state, p.n])),
    totals: { items: forms.reduce((s, f) => s + f.items, 0), supervisory: forms.reduce((s, f) => s + f.supervisory, 0) },
    byForm: forms,
  };
}
