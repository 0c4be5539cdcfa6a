import { defineWorkflow } from '../../../platform/workflow.js';
import { ConsultationErrors as E } from '../consultation.errors.js';

/**
 * 议题征集: a collected topic is accepted into a draft plan as an item, or declined with a reason.
 * office: staff of the general office (政协办公室), or staff with no office.
 */
export const TOPIC_STATES = { submitted: '已提出', accepted: '已列入计划', declined: '未列入' } as const;
export type TopicState = keyof typeof TOPIC_STATES;

export const topicWorkflow = defineWorkflow({
  name: 'consultation_topic',
  title: 'Consultation topics (协商议题征集)',
  initial: 'submitted',
  states: TOPIC_STATES,
  statesEn: { submitted: 'proposed', accepted: 'in the plan', declined: 'declined' },
  actors: { office: 'staff of the general office (政协办公室), or staff with no office' },
  transitions: {
    accept: { from: ['submitted'], to: 'accepted', by: ['office'], label: '列入计划', labelEn: 'accept into the plan' },
    decline: { from: ['submitted'], to: 'declined', by: ['office'], label: '不列入计划', labelEn: 'decline' },
  },
  errors: { notAllowed: E['consultation.not_allowed'], invalidTransition: E['consultation.invalid_transition'] },
});
export type TopicAction = (typeof topicWorkflow.actionList)[number];
