import type { InfoAction, InfoState } from './domain/info-workflow.js';

/**
 * The events the social-information module emits (domain_events rows written in the move's
 * transaction; in-process subscribers hear them after commit). Notifications to authors are
 * these events for now: a notifier subscribes to them; nothing is sent yet.
 *
 * Every workflow move emits `social_info.<action>` (below) with at least MoveEventPayload.
 * The ones other modules care about (duty records, points, statistics):
 *
 * - `social_info.submitted`   an item was submitted (SubmittedPayload, action 'submit'), or resubmitted after being
 *                             returned (action 'resubmit'); a subscriber that credits submissions keys its credit on
 *                             itemId (e.g. sourceRef 'social-info:<itemId>:submitted') so a resubmission is not counted twice.
 * - `social_info.published`   the item appeared in a released issue: PublishedPayload.
 * - `social_info.adopted`     a destination adopted the item (采用): AdoptedPayload.
 * - `social_info.instructed`  a leader wrote an instruction (批示) on it: InstructedPayload, with `level`.
 * - `social_info.forwarded`, `social_info.followed_up`: the trail (报送, 办理落实).
 * - `social_info.issue_signed`, `social_info.issue_released` (entity = the issue).
 *
 * `memberIds` always lists the crediting members (first = lead author); it is empty for items
 * of organisations, sectors, special committees and stations submitted without member authors.
 */
export const INFO_EVENTS: Record<InfoAction, string> = {
  screen: 'social_info.screening',
  accept: 'social_info.accepted',
  edit: 'social_info.edited',
  return: 'social_info.returned',
  resubmit: 'social_info.submitted',
  archive: 'social_info.archived',
  merge: 'social_info.merged',
  send_to_sign_off: 'social_info.sent_to_sign_off',
  send_back: 'social_info.sent_back',
  publish: 'social_info.published',
};

export const SUBMITTED_EVENT = 'social_info.submitted';
/** Heard: another module (demands) asks for a draft item for a member, payload { target, sourceRef, memberId, title, content, note }. */
export const CONVERSION_REQUESTED = 'demands.conversion_requested';
/** The answer once the draft exists, in the same transaction: payload { sourceRef, id }. */
export const DRAFTED_FROM_SOURCE = 'social_info.drafted_from_source';
export const PUBLISHED_EVENT = 'social_info.published';
export const FORWARDED_EVENT = 'social_info.forwarded';
export const ADOPTED_EVENT = 'social_info.adopted';
export const INSTRUCTED_EVENT = 'social_info.instructed';
export const FOLLOWED_UP_EVENT = 'social_info.followed_up';
export const ISSUE_SIGNED_EVENT = 'social_info.issue_signed';
export const ISSUE_RELEASED_EVENT = 'social_info.issue_released';

export interface MoveEventPayload {
  itemId: string;
  action: InfoAction | 'submit';
  from: InfoState | null;
  to: InfoState;
  memberIds: string[];
}

export interface SubmittedPayload extends MoveEventPayload {
  title: string;
  sourceKind: string;
  urgent: boolean;
}

export interface PublishedPayload extends MoveEventPayload {
  title: string;
  issueId: string;
  periodicalName: string;
  year: number;
  number: number;
}

export interface AdoptedPayload {
  itemId: string;
  memberIds: string[];
  destination: string;
  publication: string | null;
  onDate: string;
}

export interface InstructedPayload {
  itemId: string;
  memberIds: string[];
  destination: string;
  leader: string;
  level: 'provincial' | 'city';
  onDate: string;
}
