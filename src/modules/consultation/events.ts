import type { PlanAction } from './domain/plan-workflow.js';
import type { MeetingAction } from './domain/meeting-workflow.js';
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

/** Meeting moves and changes. Besides these, a meeting emits the performance contract's events (no import, the shape copied):
 * `activity.requested` when notified or changed after the notice, `activity.reply` for a member's reply, and
 * `duty.recorded` (kind `speech`, ref 'consultation:speech:<id>') for each speech when it is held. */
export const MEETING_EVENTS: Record<MeetingAction | 'create' | 'edit' | 'minutes', string> = {
  create: 'consultation.meeting_created',
  edit: 'consultation.meeting_changed',
  minutes: 'consultation.meeting_minutes_recorded',
  notify: 'consultation.meeting_notified',
  hold: 'consultation.meeting_held',
  close: 'consultation.meeting_closed',
  cancel: 'consultation.meeting_cancelled',
};

/** The meeting's key in performance: its activity carries this sourceRef, and its `performance.activity_created` names it. */
export const MEETING_REF_PREFIX = 'consultation:meeting:';
export const meetingSourceRef = (meetingId: string) => `${MEETING_REF_PREFIX}${meetingId}`;

/** The activity type of a meeting by its form (performance's ACTIVITY_TYPES keys, copied): what its attendance is worth. */
export function activityTypeOf(form: string): string {
  if (form === '全体会议') return 'plenary';
  if (form.startsWith('常委会议')) return 'standing_meeting';
  if (form.startsWith('双月') || form.startsWith('双周')) return 'bimonthly_consultation';
  return 'thematic_consultation';
}
