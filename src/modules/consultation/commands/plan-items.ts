import type { Db } from '../../../platform/db/database.js';
import { transact, type Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import type { Caller } from '../consultation.policy.js';
import {
  deleteItem, findItem, insertItem, itemsOfPlan, readSettings, specialCommitteeExists, updateItem, type ItemRow, type ItemValues, type PlanRow,
} from '../consultation.repository.js';
import { itemInput, itemPatch, type ItemInput, type ItemPatch } from '../contracts.js';
import { parseConsultationSettings } from '../domain/settings.js';
import { lockPlan, requireOffice } from './access.js';
import { reopenTopicIn } from './reopen-topic.js';

/** The checks every item write shares: a draft plan, a configured form, a special committee of this committee. */
export async function checkItem(tx: Executor, caller: Caller, plan: PlanRow, v: ItemValues): Promise<void> {
  if (plan.state !== 'draft') throw new AppError(E['consultation.plan_not_draft']);
  const { forms } = parseConsultationSettings(await readSettings(tx, caller.committeeId));
  if (!forms.includes(v.form)) throw new AppError(E['consultation.form_unknown'], { form: v.form });
  if (v.leadSpecialCommitteeId && !(await specialCommitteeExists(tx, caller.committeeId, v.leadSpecialCommitteeId))) {
    throw new AppError(E['consultation.lead_unknown']);
  }
}

export const valuesOf = (input: ItemInput, topicId: string | null, sort: number): ItemValues => ({
  topicId, title: input.title, form: input.form, lead: input.lead, leadSpecialCommitteeId: input.leadSpecialCommitteeId ?? null,
  month: input.month ?? null, leaders: input.leaders ?? [], units: input.units ?? [], supervisory: input.supervisory ?? false,
  sort: input.sort ?? sort,
});

/** Adds an item to a draft plan (in the caller's unit of work: accepting a topic does it too). */
export async function addItemIn(tx: Executor, caller: Caller, plan: PlanRow, input: ItemInput, topicId: string | null): Promise<{ id: string; values: ItemValues }> {
  const count = (await itemsOfPlan(tx, caller.committeeId, plan.id)).length;
  const values = valuesOf(input, topicId, (count + 1) * 10);
  await checkItem(tx, caller, plan, values);
  return { id: await insertItem(tx, caller.committeeId, plan.id, values), values };
}

/** 新增计划项目 while the plan is a draft. */
export async function addPlanItem(db: Db, caller: Caller, planId: string, raw: ItemInput): Promise<string> {
  const input = itemInput.parse(raw);
  requireOffice(caller, '修改协商计划', 'edit the consultation plan');
  return transact(db, caller.actor, async (uow) => {
    const plan = await lockPlan(uow.tx, caller, planId);
    const { id, values } = await addItemIn(uow.tx, caller, plan, input, null);
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation_plan.item_added', entity: 'consultation_plan_item', entityId: id, after: { planId, ...values } });
    return id;
  });
}

async function lockItemPlan(tx: Executor, caller: Caller, itemId: string): Promise<{ item: ItemRow; plan: PlanRow }> {
  const found = await findItem(tx, caller.committeeId, itemId);
  if (!found) throw new AppError(E['consultation.item_not_found']);
  // The plan's row lock serialises item writes with the plan's moves (no edit slips in after 提交审议).
  const plan = await lockPlan(tx, caller, found.planId);
  const item = (await findItem(tx, caller.committeeId, itemId))!;
  return { item, plan };
}

/** 修改计划项目 while the plan is a draft. */
export async function editPlanItem(db: Db, caller: Caller, itemId: string, raw: ItemPatch): Promise<void> {
  const patch = itemPatch.parse(raw);
  requireOffice(caller, '修改协商计划', 'edit the consultation plan');
  await transact(db, caller.actor, async (uow) => {
    const { item, plan } = await lockItemPlan(uow.tx, caller, itemId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as ItemPatch;
    const { id: _id, planId: _p, ...before } = item;
    const next: ItemValues = { ...before, ...defined, leadSpecialCommitteeId: defined.leadSpecialCommitteeId ?? (defined.lead ? null : before.leadSpecialCommitteeId) };
    if (patch.leadSpecialCommitteeId === null) next.leadSpecialCommitteeId = null;
    if (patch.month === null) next.month = null;
    await checkItem(uow.tx, caller, plan, next);
    await updateItem(uow.tx, caller.committeeId, itemId, next);
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation_plan.item_edited', entity: 'consultation_plan_item', entityId: itemId, before, after: next });
  });
}

/** 删除计划项目 while the plan is a draft. */
export async function removePlanItem(db: Db, caller: Caller, itemId: string): Promise<void> {
  requireOffice(caller, '修改协商计划', 'edit the consultation plan');
  await transact(db, caller.actor, async (uow) => {
    const { item, plan } = await lockItemPlan(uow.tx, caller, itemId);
    if (plan.state !== 'draft') throw new AppError(E['consultation.plan_not_draft']);
    // A collected topic whose item this was goes back among the open topics (after 调整 the copy's topic points at the first version's item, so it stays).
    if (item.topicId) await reopenTopicIn(uow, caller, item.topicId, itemId);
    await deleteItem(uow.tx, caller.committeeId, itemId);
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation_plan.item_removed', entity: 'consultation_plan_item', entityId: itemId, before: item });
  });
}
