import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { Lang } from '../../../platform/errors.js';
import { isOffice, memberIdsOf, oversees, type Caller } from '../consultation.policy.js';
import { listTopics } from '../consultation.repository.js';
import { TOPIC_SOURCE_LABELS, type TopicSource, type TopicsQuery } from '../contracts.js';
import { topicWorkflow } from '../domain/topic-workflow.js';

/** Collected topics: staff and leaders see all of them, a member their own; each with the actions the caller may take. */
export async function listCollectedTopics(db: Executor, caller: Caller, q: TopicsQuery, lang: Lang = 'zh') {
  const rows = await listTopics(db, caller.committeeId, {
    ...q, ...(oversees(caller) ? {} : { memberIds: memberIdsOf(caller), userId: caller.actor.userId }),
  });
  const actors = new Set(isOffice(caller) ? (['office'] as const) : []);
  return rows.map((t) => ({
    ...t,
    sourceLabel: TOPIC_SOURCE_LABELS[t.sourceKind as TopicSource] ?? t.sourceKind,
    stateLabel: topicWorkflow.stateLabel(t.state, lang),
    abilities: topicWorkflow.allowedActions(t.state, actors),
  }));
}
