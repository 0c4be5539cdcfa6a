import type { UnitOfWork } from '../../../platform/db/unit-of-work.js';
import type { Caller } from '../consultation.policy.js';
import { findTopic, patchTopic } from '../consultation.repository.js';
import { topicWorkflow } from '../domain/topic-workflow.js';
import { TOPIC_EVENTS } from '../events.js';

/** 撤出计划: inside the removal of the topic's item from a draft plan, the topic is open again. */
export async function reopenTopicIn(uow: UnitOfWork, caller: Caller, id: string, itemId: string): Promise<void> {
  const topic = await findTopic(uow.tx, caller.committeeId, id, true);
  if (!topic || topic.state !== 'accepted' || topic.planItemId !== itemId) return;
  await topicWorkflow.move(uow, {
    action: 'reopen', committeeId: caller.committeeId, entity: 'consultation_topic', entityId: id, event: TOPIC_EVENTS.reopen,
    load: async () => ({ ...topic, actors: new Set(['item_removal'] as const) }),
    work: async () => ({ after: { removedItemId: itemId }, payload: { removedItemId: itemId, memberId: topic.memberId } }),
    writeState: (to) => patchTopic(uow.tx, caller.committeeId, id, { state: to, planItemId: null }),
  });
}
