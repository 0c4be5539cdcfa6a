import { z } from 'zod';

/**
 * Settings of key proposals (重点提案), their supervision (督办) and the reminders, merged into
 * the committee's proposal settings (domain/settings.ts). Codes are stable identifiers; labels
 * are what people read and may be renamed.
 */
const code = z.string().regex(/^[a-z0-9_]{1,40}$/);
const labelled = z.object({ code, label: z.string().min(1).max(40) });

/** The "五个督办" of DOMAIN.md §2. */
export const DEFAULT_SUPERVISION_CHANNELS = [
  { code: 'top_leader', label: '党政主要领导领衔督办' },
  { code: 'chair_meeting', label: '政协主席会议成员督办' },
  { code: 'special_committee', label: '专委会对口督办' },
  { code: 'proposal_committee', label: '提案委员会督办' },
  { code: 'joint_inspection', label: '两办督查室联合督办' },
];

/** 督办活动 kinds. */
export const DEFAULT_SUPERVISION_EVENT_KINDS = [
  { code: 'symposium', label: '座谈' },
  { code: 'inspection', label: '视察' },
  { code: 'research', label: '调研' },
  { code: 'unit_visit', label: '走访承办单位' },
  { code: 'handling_consultation', label: '办理协商会' },
  { code: 'onsite', label: '现场办理' },
  { code: 'evaluation', label: '民主评议' },
];

export const keySettingsShape = {
  /** Who approves the shortlist: a leader (the chair's meeting) or the proposal office itself. */
  keyApprovedBy: z.enum(['leader', 'office']).default('leader'),
  supervisionChannels: z.array(labelled).min(1).max(20).default(DEFAULT_SUPERVISION_CHANNELS.map((c) => ({ ...c }))),
  supervisionEventKinds: z.array(labelled).min(1).max(30).default(DEFAULT_SUPERVISION_EVENT_KINDS.map((c) => ({ ...c }))),
  /** Days before a reply deadline on which the units are reminded (the nearest threshold reached sends once). */
  reminderDaysBefore: z.array(z.number().int().min(1).max(90)).max(5).default([15, 7]),
  /** After the deadline: one reminder per this many days overdue (the first on the first day overdue). */
  reminderOverdueEveryDays: z.number().int().min(1).max(60).default(7),
  /** Proposers are reminded to rate a released reply once per this many days while it awaits their rating. */
  reminderRatingEveryDays: z.number().int().min(1).max(60).default(7),
};
