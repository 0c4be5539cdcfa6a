import { defineSearch } from '../../platform/search.js';
import { highlight, snippet } from '../../platform/text/highlight.js';
import { defineWorkbench, groupOf } from '../../platform/workbench.js';
import { ownTopicsSql } from './consultation.repository.js';
import { ConsultationPermissions as P, isOffice, memberIdsOf, oversees } from './consultation.policy.js';
import { planWorkflow, type PlanState } from './domain/plan-workflow.js';
import { topicWorkflow, type TopicState } from './domain/topic-workflow.js';
import { visiblePlanSql } from './queries/get-plan.js';
import { plansInProgress, searchPlanItems, searchTopics, topicsToHandle } from './workbench.repository.js';
import { sql } from 'drizzle-orm';

// The web's consultation pages are lists (the office's topic inbox, the year's plan), not one page per record:
// an item opens the list it is handled in.
const topicLink = (_id: string) => '/consultation/inbox';
const planLink = (_id: string) => '/consultation/plan';

/** What waits in consultation: for the office, topics to handle (列入 / 不列入) and plans waiting for their next step. */
export const consultationWorkbench = defineWorkbench({
  name: 'consultation',
  async load(db, { caller, today, lang }) {
    if (!isOffice(caller)) return { pending: [], changes: [] };
    const topics = await topicsToHandle(db, caller.committeeId);
    const plans = await plansInProgress(db, caller.committeeId);
    return {
      pending: [
        groupOf('consultation.topics', '/consultation/inbox', topics.map((t) => ({ id: t.id, title: t.title, link: topicLink(t.id), note: String(t.year) })), topics[0]?.total ?? 0, today),
        groupOf('consultation.plan_steps', '/consultation/plan', plans.map((p) => ({
          id: p.id, title: p.title, link: planLink(p.id), note: planWorkflow.stateLabel(p.state as PlanState, lang),
        })), plans[0]?.total ?? 0, today),
      ],
      changes: [],
    };
  },
});

const termsOf = (q: string) => [...new Set(q.split(/[\s,，、]+/u).map((t) => t.trim()).filter(Boolean))].slice(0, 5);

/** Topics as their list shows them (staff and leaders: all; a member: their own), by substring (no token column yet). */
export const topicSearch = defineSearch({
  kind: 'consultation.topics',
  permission: P['consultation.read'],
  async search(db, q, { caller, limit, lang }) {
    const terms = termsOf(q);
    const visible = oversees(caller) ? sql`true` : ownTopicsSql(memberIdsOf(caller), caller.actor.userId);
    const rows = await searchTopics(db, caller.committeeId, terms, visible, limit);
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((t) => ({
        id: t.id, title: highlight(t.title, terms), snippet: snippet(t.description, terms), link: topicLink(t.id),
        meta: [String(t.year), topicWorkflow.stateLabel(t.state as TopicState, lang)],
      })),
    };
  },
});

/** Items of the plans the caller may read (members: issued plans only, as GET /plans/:id decides). */
export const planItemSearch = defineSearch({
  kind: 'consultation.plan_items',
  permission: P['consultation.read'],
  async search(db, q, { caller, limit, lang }) {
    const terms = termsOf(q);
    const rows = await searchPlanItems(db, caller.committeeId, terms, visiblePlanSql(caller), limit);
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((i) => ({
        id: i.id, title: highlight(i.title, terms), link: planLink(i.planId),
        meta: [`${i.year}`, i.form, i.lead, planWorkflow.stateLabel(i.state as PlanState, lang)],
      })),
    };
  },
});
