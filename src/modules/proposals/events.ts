import type { ProposalAction, ProposalState } from './domain/proposal-workflow.js';

/**
 * The events the proposals module emits (domain_events rows, written in the transaction of the
 * move; in-process subscribers hear them after commit). Other modules — duty records and
 * points (performance), notifications, statistics — subscribe; proposals imports none of them.
 *
 * Every workflow move emits one event named below, with at least MoveEventPayload. The events
 * that carry duty credit add the members and their role:
 *
 * - `proposals.submitted`     a member (or group) submitted a proposal: SubmittedPayload.
 * - `proposals.filed`         立案, with its number: FiledPayload.
 * - `proposals.merged`        the proposal was merged (并案) into a master: MergedPayload.
 * - `proposals.merged_credit` emitted with `proposals.merged`: the merged proposal's signers are
 *                             credited as if filed, under the composite number ("第133并2号"):
 *                             MergedCreditPayload. Subscribers that score filed proposals should
 *                             score this event the same way.
 * - `proposals.reply_released` the reply was released; `raters` are the members asked to rate it.
 * - `proposals.rated`         one rating (满意/基本满意/不满意), with `memberId` and `rating`.
 * - `proposals.closed`        办结, with the reply class.
 * - `proposals.key_selected`  a shortlisted proposal was approved as a key proposal (重点提案), with
 *                             `members` (CreditedMember[]) and `sourceRef`. The key-proposal credit itself
 *                             travels as performance's generic `duty.recorded` (kind 'proposal_key', the same
 *                             `sourceRef`, one per approval) emitted with it; `proposals.key_revoked` comes with
 *                             `duty.revoked` of that ref. Also: key_shortlisted, key_declined, supervision_set,
 *                             supervision_recorded (key.workflow.ts).
 */
export const PROPOSAL_EVENTS: Record<ProposalAction, string> = {
  edit: 'proposals.edited',
  confirm_cosign: 'proposals.cosign_confirmed',
  decline_cosign: 'proposals.cosign_declined',
  submit: 'proposals.submitted',
  withdraw: 'proposals.withdrawn',
  pre_review: 'proposals.pre_reviewed',
  return_for_revision: 'proposals.returned',
  file: 'proposals.filed',
  reject: 'proposals.not_filed',
  convert: 'proposals.converted',
  merge: 'proposals.merged',
  assign: 'proposals.assigned',
  object: 'proposals.objected',
  dismiss_objection: 'proposals.objection_dismissed',
  reassign: 'proposals.reassigned',
  accept: 'proposals.accepted',
  extend_deadline: 'proposals.deadline_extended',
  save_reply: 'proposals.reply_saved',
  submit_reply: 'proposals.reply_submitted',
  countersign: 'proposals.countersigned',
  send_back: 'proposals.sent_back',
  release: 'proposals.reply_released',
  rate: 'proposals.rated',
  rehandle: 'proposals.rehandle',
  close: 'proposals.closed',
  carry_over: 'proposals.carried_over',
  resume: 'proposals.resumed',
};

export const MERGED_CREDIT_EVENT = 'proposals.merged_credit';
export const DRAFT_CREATED_EVENT = 'proposals.draft_created';
/** Heard: another module (demands) asks for a draft proposal for a member, payload { target, sourceRef, memberId, title, content, note }. */
export const CONVERSION_REQUESTED = 'demands.conversion_requested';
/** The answer once the draft exists, in the same transaction: payload { sourceRef, id }. */
export const DRAFTED_FROM_SOURCE = 'proposals.drafted_from_source';
export const KEY_SELECTED_EVENT = 'proposals.key_selected';

export interface CreditedMember {
  memberId: string;
  /** 第一提案人 or 联名人. */
  role: 'first' | 'cosigner';
}

export interface MoveEventPayload {
  proposalId: string;
  action: ProposalAction;
  from: ProposalState;
  to: ProposalState;
}

export interface SubmittedPayload extends MoveEventPayload {
  kind: string;
  occasion: 'plenary' | 'between_sessions';
  sessionId: string | null;
  title: string;
  members: CreditedMember[];
}

export interface FiledPayload extends MoveEventPayload {
  number: number;
  numberLabel: string;
  sessionId: string | null;
  members: CreditedMember[];
}

export interface MergedPayload extends MoveEventPayload {
  masterId: string;
  numberLabel: string;
}

export interface MergedCreditPayload {
  proposalId: string;
  masterId: string;
  numberLabel: string;
  sessionId: string | null;
  members: CreditedMember[];
}
