import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { chinaDate } from '../../../platform/time.js';
import type { MoveOutcome } from '../../../platform/workflow.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, type Caller } from '../consultation.policy.js';
import {
  copyItems, findPlan, insertHistory, insertPlan, itemsOfPlan, patchPlan, plansOfYear, type PlanRow,
} from '../consultation.repository.js';
import { decideInput, issueInput, noteInput, reasonInput } from '../contracts.js';
import { planWorkflow, type PlanAction, type PlanActor, type PlanState } from '../domain/plan-workflow.js';
import { PLAN_EVENTS } from '../events.js';
import { lockPlan } from './access.js';

export const planActors = (caller: Caller): Set<PlanActor> => new Set(isOffice(caller) ? (['office'] as const) : []);

interface Step {
  /** The action's own checks and writes; returns what goes into the audit row and the history. */
  work?(plan: PlanRow, uow: UnitOfWork): Promise<MoveOutcome<PlanState> & { onDate?: string | null; docNo?: string | null; note?: string | null } | void>;
  /** Runs after the step's history row (so the history reads in the order things happened). */
  after?(): Promise<void>;
}

/**
 * One move of a plan version through the platform's kernel (lock → 403 → 409 → work → state,
 * audit, event), with its row in the plan's approval history, in the caller's unit of work.
 */
async function moveIn(uow: UnitOfWork, caller: Caller, planId: string, action: PlanAction, actors: Set<PlanActor>, step: Step = {}) {
  const { committeeId } = caller;
  let extra: { onDate?: string | null; docNo?: string | null; note?: string | null } = {};
  return planWorkflow.move(uow, {
    action, committeeId, entity: 'consultation_plan', entityId: planId,
    load: async () => ({ ...(await lockPlan(uow.tx, caller, planId)), actors }),
    async work(plan) {
      const out = (await step.work?.(plan, uow)) ?? {};
      const { onDate, docNo, note, ...outcome } = out;
      extra = { onDate, docNo, note };
      return outcome;
    },
    writeState: (to) => patchPlan(uow.tx, committeeId, planId, { state: to }),
    event: PLAN_EVENTS[action],
    payload: (plan) => ({ planId, year: plan.year, version: plan.version }),
    async after(_plan, from, to) {
      await insertHistory(uow.tx, committeeId, planId, {
        action, fromState: from, toState: to, onDate: extra.onDate ?? null, docNo: extra.docNo ?? null, note: extra.note ?? null, actorLabel: caller.actor.label,
      });
      await step.after?.();
    },
  });
}

const notFuture = (d: string) => {
  if (d > chinaDate()) throw new AppError(E['consultation.date_invalid']);
  return d;
};

/** 提交主席会议审议: a draft with at least one item goes to the chair council. */
export function submitForReview(db: Db, caller: Caller, planId: string, raw: { note?: string } = {}) {
  const { note } = noteInput.parse(raw);
  return transact(db, caller.actor, (uow) => moveIn(uow, caller, planId, 'submit_review', planActors(caller), {
    async work(plan) {
      if (!(await itemsOfPlan(uow.tx, caller.committeeId, plan.id)).length) throw new AppError(E['consultation.plan_empty']);
      return { note: note ?? null };
    },
  }));
}

/** 党委常委会确定: recorded with the meeting's date and the document number. */
export function recordDecision(db: Db, caller: Caller, planId: string, raw: { decidedOn: string; docNo: string }) {
  const input = decideInput.parse(raw);
  return transact(db, caller.actor, (uow) => moveIn(uow, caller, planId, 'decide', planActors(caller), {
    async work() {
      const decidedOn = notFuture(input.decidedOn);
      await patchPlan(uow.tx, caller.committeeId, planId, { decidedOn, decisionDocNo: input.docNo });
      return { after: { decidedOn, docNo: input.docNo }, payload: { decidedOn, docNo: input.docNo }, onDate: decidedOn, docNo: input.docNo };
    },
  }));
}

/** 退回修改: the chair council or the party committee sends the plan back to the office as a draft. */
export function sendBack(db: Db, caller: Caller, planId: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return transact(db, caller.actor, (uow) => moveIn(uow, caller, planId, 'send_back', planActors(caller), {
    async work(plan) {
      // A decision that is sent back no longer stands.
      if (plan.state === 'decided') await patchPlan(uow.tx, caller.committeeId, planId, { decidedOn: null, decisionDocNo: null });
      return { after: { reason }, note: reason };
    },
  }));
}

/** 印发. Issuing an adjusted version supersedes the version it adjusts, in the same transaction. */
export function issuePlan(db: Db, caller: Caller, planId: string, raw: { issuedOn: string; docNo?: string }) {
  const input = issueInput.parse(raw);
  return transact(db, caller.actor, (uow) => moveIn(uow, caller, planId, 'issue', planActors(caller), {
    async work(plan) {
      const issuedOn = notFuture(input.issuedOn);
      await patchPlan(uow.tx, caller.committeeId, planId, { issuedOn, issuedDocNo: input.docNo ?? null });
      if (plan.previousId) {
        await moveIn(uow, caller, plan.previousId, 'supersede', new Set(['successor']), {
          work: async () => ({ after: { supersededBy: planId }, note: `第${plan.version}版印发` }),
        });
      }
      return { after: { issuedOn, docNo: input.docNo ?? null }, payload: { issuedOn, supersedes: plan.previousId }, onDate: issuedOn, docNo: input.docNo ?? null };
    },
  }));
}

/**
 * 调整: starts the next version of an issued plan as a draft copy of its items; the issued
 * version stays in force until the new one is issued. Only one adjustment at a time.
 * Returns the new version's id.
 */
export async function adjustPlan(db: Db, caller: Caller, planId: string, raw: { reason: string }): Promise<string> {
  const { reason } = reasonInput.parse(raw);
  return transact(db, caller.actor, async (uow) => {
    let newId = '';
    let created: Record<string, unknown> = {};
    await moveIn(uow, caller, planId, 'adjust', planActors(caller), {
      async work(plan) {
        const versions = await plansOfYear(uow.tx, caller.committeeId, plan.year);
        const open = versions.find((v) => v.state !== 'issued' && v.state !== 'superseded');
        if (open) throw new AppError(E['consultation.adjusting'], { version: open.version });
        const version = Math.max(...versions.map((v) => v.version)) + 1;
        const id = await insertPlan(uow.tx, caller.committeeId, { year: plan.year, version, previousId: plan.id, adjustReason: reason });
        if (!id) throw new AppError(E['consultation.adjusting'], { version });
        newId = id;
        const items = await copyItems(uow.tx, caller.committeeId, plan.id, id);
        created = { year: plan.year, version, state: 'draft', previousId: plan.id, items, reason };
        return { after: { reason, newPlanId: id, newVersion: version }, payload: { newPlanId: id, newVersion: version }, note: reason };
      },
      async after() {
        await insertHistory(uow.tx, caller.committeeId, newId, {
          action: 'create', fromState: 'draft', toState: 'draft', onDate: null, docNo: null, note: reason, actorLabel: caller.actor.label,
        });
        await uow.audit({ committeeId: caller.committeeId, action: 'consultation_plan.create', entity: 'consultation_plan', entityId: newId, after: created });
      },
    });
    return newId;
  });
}

/** The plan as the caller's move left it (for route answers). */
export const planAfter = (db: Db, caller: Caller, id: string) => findPlan(db, caller.committeeId, id);
