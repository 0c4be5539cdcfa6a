import type { PlanAction } from './domain/plan-workflow.js';
import type { TopicAction } from './domain/topic-workflow.js';

/**
 * Events of the consultation module (domain_events rows in the move's transaction). Every plan
 * move emits one with { action, from, to, planId, year, version }; `consultation.plan_issued`
 * is the one the rest of the platform will care about (meetings are planned from issued items).
 */
export const PLAN_EVENTS: Record<PlanAction, string> = {
  submit_review: 'consultation.plan_submitted_for_review',
  decide: 'consultation.plan_decided',
  send_back: 'consultation.plan_sent_back',
  issue: 'consultation.plan_issued',
  adjust: 'consultation.plan_adjustment_started',
  supersede: 'consultation.plan_superseded',
};

export const TOPIC_EVENTS: Record<TopicAction | 'submit', string> = {
  submit: 'consultation.topic_submitted',
  accept: 'consultation.topic_accepted',
  decline: 'consultation.topic_declined',
  reopen: 'consultation.topic_reopened',
};
