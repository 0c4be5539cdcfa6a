import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import type { Caller } from '../consultation.policy.js';
import { insertHistory, insertPlan, plansOfYear } from '../consultation.repository.js';
import { planCreateInput } from '../contracts.js';
import { requireOffice } from './access.js';

/** 起草: the office starts the year's plan (version 1, a draft). A later change is 调整, not a second plan. */
export async function createPlan(db: Db, caller: Caller, raw: { year: number }): Promise<string> {
  const { year } = planCreateInput.parse(raw);
  requireOffice(caller, '起草协商计划', 'draft a consultation plan');
  return transact(db, caller.actor, async (uow) => {
    if ((await plansOfYear(uow.tx, caller.committeeId, year)).length) throw new AppError(E['consultation.plan_exists'], { year });
    const id = await insertPlan(uow.tx, caller.committeeId, { year, version: 1 });
    if (!id) throw new AppError(E['consultation.plan_exists'], { year });
    await insertHistory(uow.tx, caller.committeeId, id, {
      action: 'create', fromState: 'draft', toState: 'draft', onDate: null, docNo: null, note: null, actorLabel: caller.actor.label,
    });
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation_plan.create', entity: 'consultation_plan', entityId: id, after: { year, version: 1, state: 'draft' } });
    await uow.emit({ type: 'consultation.plan_created', committeeId: caller.committeeId, entityId: id, payload: { planId: id, year, version: 1 } });
    return id;
  });
}
