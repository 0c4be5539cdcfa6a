import { defineWorkflow } from '../../../platform/workflow.js';
import { ConsultationErrors as E } from '../consultation.errors.js';

/**
 * 协商会议: prepared by the office (agenda, time, place or link, the invited, materials), notified
 * (the notice goes out as in-app notices and the performance module is asked for the activity
 * that holds check-in and attendance), held (speeches are credited), and closed — only with
 * minutes (纪要), Decidim's rule. A meeting not yet held may be cancelled.
 *
 * office: staff of the general office (政协办公室), or staff with no office.
 */
export const MEETING_STATES = {
  preparing: '筹备',
  notified: '已通知',
  held: '已召开',
  closed: '已结束',
  cancelled: '已取消',
} as const;
export type MeetingState = keyof typeof MEETING_STATES;

export const meetingWorkflow = defineWorkflow({
  name: 'consultation_meeting',
  title: 'Consultation meetings (协商会议)',
  initial: 'preparing',
  states: MEETING_STATES,
  statesEn: { preparing: 'in preparation', notified: 'notified', held: 'held', closed: 'closed', cancelled: 'cancelled' },
  actors: { office: 'staff of the general office (政协办公室), or staff with no office' },
  transitions: {
    notify: { from: ['preparing'], to: 'notified', by: ['office'], label: '发出通知', labelEn: 'send the notice' },
    hold: { from: ['notified'], to: 'held', by: ['office'], label: '召开', labelEn: 'record as held' },
    close: { from: ['held'], to: 'closed', by: ['office'], label: '结束会议', labelEn: 'close' },
    cancel: { from: ['preparing', 'notified'], to: 'cancelled', by: ['office'], label: '取消会议', labelEn: 'cancel' },
  },
  errors: { notAllowed: E['consultation.not_allowed'], invalidTransition: E['consultation.invalid_transition'] },
});
export type MeetingAction = (typeof meetingWorkflow.actionList)[number];
