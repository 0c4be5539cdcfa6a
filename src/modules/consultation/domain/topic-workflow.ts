import { defineWorkflow } from '../../../platform/workflow.js';
import { ConsultationErrors as E } from '../consultation.errors.js';

/**
 * 议题征集: a collected topic is accepted into a draft plan as an item, or declined with a reason.
 * office: staff of the general office (政协办公室), or staff with no office.
 * item_removal: removing the topic's item from a draft plan puts the topic back among the open
 * ones (taken only inside that command, so no person holds this actor).
 */
export const TOPIC_STATES = { submitted: '已提出', accepted: '已列入计划', declined: '未列入' } as const;
export type TopicState = keyof typeof TOPIC_STATES;

export const topicWorkflow = defineWorkflow({
  name: 'consultation_topic',
  title: 'Consultation topics (协商议题征集)',
  initial: 'submitted',
  states: TOPIC_STATES,
  statesEn: { submitted: 'proposed', accepted: 'in the plan', declined: 'declined' },
  actors: {
    office: 'staff of the general office (政协办公室), or staff with no office',
    item_removal: "the removal of the topic's item from a draft plan",
  },
  transitions: {
    accept: { from: ['submitted'], to: 'accepted', by: ['office'], label: '列入计划', labelEn: 'accept into the plan' },
    decline: { from: ['submitted'], to: 'declined', by: ['office'], label: '不列入计划', labelEn: 'decline' },
    reopen: { from: ['accepted'], to: 'submitted', by: ['item_removal'], label: '撤出计划', labelEn: 'take out of the plan' },
  },
  errors: { notAllowed: E['consultation.not_allowed'], invalidTransition: E['consultation.invalid_transition'] },
});
export type TopicAction = (typeof topicWorkflow.actionList)[number];
