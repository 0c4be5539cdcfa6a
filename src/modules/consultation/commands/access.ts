import { AppError } from '../../../platform/errors.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, type Caller } from '../consultation.policy.js';
import { findPlan, type PlanRow } from '../consultation.repository.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';

/** Commands are called by seeds and tests too, so each checks the role the route checked. */
export function requireOffice(caller: Caller, actionLabel: string, actionLabelEn: string): void {
  if (!isOffice(caller)) throw new AppError(E['consultation.not_allowed'], { actionLabel, actionLabelEn });
}

/** The plan version in the caller's committee, locked; 404 when it is another committee's. */
export async function lockPlan(db: Executor, caller: Caller, id: string): Promise<PlanRow> {
  const plan = await findPlan(db, caller.committeeId, id, true);
  if (!plan) throw new AppError(E['consultation.plan_not_found']);
  return plan;
}
