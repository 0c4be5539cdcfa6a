import type { Db } from '../../../platform/db/database.js';
import { transact, type Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, memberIdsOf, type Caller } from '../consultation.policy.js';
import { findTopic, insertTopic, memberExists, patchTopic } from '../consultation.repository.js';
import { acceptInput, reasonInput, topicInput, type AcceptInput, type TopicInput } from '../contracts.js';
import { topicWorkflow, type TopicAction } from '../domain/topic-workflow.js';
import { TOPIC_EVENTS } from '../events.js';
import { lockPlan } from './access.js';
import { addItemIn } from './plan-items.js';

/**
 * 议题征集. A member proposes a topic in their own name; the office records the topics that come
 * from special committees, sectors, the party committee and the government, naming the body.
 */
export async function submitTopic(db: Db, caller: Caller, raw: TopicInput): Promise<string> {
  const input = topicInput.parse(raw);
  const kind = input.sourceKind ?? 'member';
  let memberId: string | null = null;
  let sourceName: string | null = null;
  if (kind === 'member') {
    memberId = memberIdsOf(caller)[0] ?? null;
    if (!memberId) throw new AppError(E['consultation.member_required']);
  } else {
    if (!isOffice(caller)) throw new AppError(E['consultation.not_allowed'], { actionLabel: '代为登记议题', actionLabelEn: 'record a topic for a body' });
    if (!input.sourceName) throw new AppError(E['consultation.source_name_required']);
    sourceName = input.sourceName;
  }
  return transact(db, caller.actor, async (uow) => {
    if (memberId && !(await memberExists(uow.tx, caller.committeeId, memberId))) throw new AppError(E['consultation.member_required']);
    const values = { year: input.year, title: input.title, description: input.description ?? '', sourceKind: kind, sourceName, memberId, submittedBy: caller.actor.userId };
    const id = await insertTopic(uow.tx, caller.committeeId, values);
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation_topic.submit', entity: 'consultation_topic', entityId: id, after: { ...values, state: 'submitted' } });
    await uow.emit({ type: TOPIC_EVENTS.submit, committeeId: caller.committeeId, entityId: id, payload: { topicId: id, year: input.year, sourceKind: kind, memberId } });
    return id;
  });
}

/** What every topic move shares: the record, its event, and loading it locked in the caller's committee (404). */
const topicMove = (tx: Executor, caller: Caller, id: string, action: TopicAction) => {
  const actors = new Set(isOffice(caller) ? (['office'] as const) : []);
  return {
    action, committeeId: caller.committeeId, entity: 'consultation_topic', entityId: id, event: TOPIC_EVENTS[action],
    load: async () => {
      const t = await findTopic(tx, caller.committeeId, id, true);
      if (!t) throw new AppError(E['consultation.topic_not_found']);
      return { ...t, actors };
    },
  };
};

/** 列入计划: the topic becomes an item of a draft plan of its year (title defaults to the topic's). */
export async function acceptTopic(db: Db, caller: Caller, id: string, raw: AcceptInput): Promise<string> {
  const input = acceptInput.parse(raw);
  return transact(db, caller.actor, async (uow) => {
    const m = topicMove(uow.tx, caller, id, 'accept');
    let itemId = '';
    await topicWorkflow.move(uow, {
      ...m,
      async work(topic) {
        const plan = await lockPlan(uow.tx, caller, input.planId);
        if (plan.year !== topic.year) throw new AppError(E['consultation.year_mismatch'], { topicYear: topic.year, planYear: plan.year });
        const { planId: _p, ...item } = input;
        const added = await addItemIn(uow.tx, caller, plan, { ...item, title: input.title ?? topic.title }, topic.id);
        itemId = added.id;
        await uow.audit({ committeeId: caller.committeeId, action: 'consultation_plan.item_added', entity: 'consultation_plan_item', entityId: itemId, after: { planId: plan.id, ...added.values } });
        return { after: { planId: plan.id, planItemId: itemId }, payload: { planId: plan.id, planItemId: itemId, memberId: topic.memberId } };
      },
      writeState: (to) => patchTopic(uow.tx, caller.committeeId, id, { state: to, planItemId: itemId }),
    });
    return itemId;
  });
}

/** 不列入计划, with the reason the proposer is told. */
export async function declineTopic(db: Db, caller: Caller, id: string, raw: { reason: string }): Promise<void> {
  const { reason } = reasonInput.parse(raw);
  await transact(db, caller.actor, async (uow) => {
    const m = topicMove(uow.tx, caller, id, 'decline');
    await topicWorkflow.move(uow, {
      ...m,
      work: async (topic) => ({ after: { reason }, payload: { reason, memberId: topic.memberId } }),
      writeState: (to) => patchTopic(uow.tx, caller.committeeId, id, { state: to, declineReason: reason }),
    });
  });
}

