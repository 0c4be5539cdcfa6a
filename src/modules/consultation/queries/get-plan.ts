import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/errors.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, oversees, type Caller } from '../consultation.policy.js';
import { findPlan, historyOf, itemsOfPlan, plansOfYear, type PlanRow } from '../consultation.repository.js';
import { PLAN_ROUTE_ACTIONS, planWorkflow } from '../domain/plan-workflow.js';
import { planActors } from '../commands/move-plan.js';

/** Members read only what has been issued (印发); drafts are the office's and the leaders'. */
const READ_BY_MEMBERS = ['issued', 'superseded'];
const visible = (caller: Caller, p: PlanRow) => oversees(caller) || READ_BY_MEMBERS.includes(p.state);
/** The same rule as SQL over the plan `p` (the search across modules). */
export const visiblePlanSql = (caller: Caller): SQL =>
  oversees(caller) ? sql`true` : sql`p.state in (select jsonb_array_elements_text(${JSON.stringify(READ_BY_MEMBERS)}::jsonb))`;

/**
 * One plan version with its items, the year's approval history (every version) and what the
 * caller may do: the workflow actions the table allows (`abilities`) and whether items may be
 * edited now (`canEditItems`).
 */
export async function getPlan(db: Executor, caller: Caller, id: string, lang: Lang = 'zh') {
  const plan = await findPlan(db, caller.committeeId, id);
  if (!plan || !visible(caller, plan)) throw new AppError(E['consultation.plan_not_found']);
  const [items, history, versions] = await Promise.all([
    itemsOfPlan(db, caller.committeeId, id), historyOf(db, caller.committeeId, plan.year), plansOfYear(db, caller.committeeId, plan.year),
  ]);
  const allowed = planWorkflow.allowedActions(plan.state, planActors(caller));
  return {
    ...plan,
    stateLabel: planWorkflow.stateLabel(plan.state, lang),
    items,
    history: history.map((h) => ({ ...h, actionLabel: h.action === 'create' ? (lang === 'en' ? 'drafted' : '起草') : planWorkflow.actionLabel(h.action as never, lang) })),
    versions: versions.filter((v) => visible(caller, v)).map((v) => ({ id: v.id, version: v.version, state: v.state, stateLabel: planWorkflow.stateLabel(v.state, lang) })),
    abilities: allowed.filter((a) => (PLAN_ROUTE_ACTIONS as readonly string[]).includes(a)),
    canEditItems: plan.state === 'draft' && isOffice(caller),
  };
}
export type PlanView = Awaited<ReturnType<typeof getPlan>>;

/** The versions of a year the caller may see, newest first. */
export async function listPlans(db: Executor, caller: Caller, year: number, lang: Lang = 'zh') {
  const versions = await plansOfYear(db, caller.committeeId, year);
  return versions.filter((v) => visible(caller, v)).reverse().map((v) => ({ ...v, stateLabel: planWorkflow.stateLabel(v.state, lang) }));
}
