import { defineWorkflow, type TransitionDef } from '../../platform/workflow.js';
import type { ProposalState } from './domain/proposal-workflow.js';

/**
 * 重点提案 and 督办 as one small transition table beside the proposal workflow. The key status
 * is the one `status` column of proposal_keys; 'none' is a proposal without a row. Commands
 * move through `keyWorkflow.move` (the platform's kernel); the abilities sent to clients and the
 * diagram come from the same table.
 */
export const KEY_STATUSES = {
  none: '未列入',
  shortlisted: '重点提案候选',
  approved: '重点提案',
  declined: '未列为重点',
  revoked: '已撤销重点',
} as const;
export type KeyStatus = keyof typeof KEY_STATUSES;

/**
 * - proposal_office: staff of the proposal office (they shortlist, set the supervision, record events);
 * - approver: whoever the settings name to approve (`keyApprovedBy`: a leader, or the office);
 * - lead_leader: the leader assigned to lead the supervision (领衔督办) of this proposal.
 */
export type KeyActor = 'proposal_office' | 'approver' | 'lead_leader';

export type KeyTransition = TransitionDef<KeyStatus, KeyActor>;

export const KEY_TRANSITIONS = {
  shortlist: { from: ['none', 'declined', 'revoked'], to: 'shortlisted', by: ['proposal_office'], label: '列为重点提案候选' },
  approve: { from: ['shortlisted'], to: 'approved', by: ['approver'], label: '批准为重点提案' },
  decline: { from: ['shortlisted'], to: 'declined', by: ['approver', 'proposal_office'], label: '不列为重点提案' },
  revoke: { from: ['approved'], to: 'revoked', by: ['proposal_office'], label: '撤销重点提案' },
  set_supervision: { from: ['approved'], to: 'same', by: ['proposal_office'], label: '确定领衔督办' },
  record_event: { from: ['approved'], to: 'same', by: ['proposal_office', 'lead_leader'], label: '记录督办活动' },
} as const satisfies Record<string, KeyTransition>;

export const keyWorkflow = defineWorkflow({
  name: 'proposal_key',
  title: 'Key proposals and supervision (重点提案与督办)',
  initial: 'none',
  states: KEY_STATUSES,
  actors: {
    proposal_office: 'staff of the proposal office: shortlist, set the supervision, record events',
    approver: 'whoever the settings name to approve (keyApprovedBy: a leader, or the office)',
    lead_leader: 'the leader assigned to lead the supervision (领衔督办) of this proposal',
  },
  transitions: KEY_TRANSITIONS,
  errors: { notAllowed: 'proposal.key_not_allowed', invalidTransition: 'proposal.key_invalid_transition' },
  drawSelfMoves: 'note',
});

export type KeyAction = keyof typeof KEY_TRANSITIONS;
export const KEY_ACTIONS = keyWorkflow.actionList;

/** Proposal states in which a proposal may be shortlisted: filed and not yet closed. */
export const SHORTLISTABLE_STATES: readonly ProposalState[] = [
  'filed', 'assigned', 'objected', 'handling', 'countersigning', 'reply_review', 'released', 'carried_over',
];

/** The events of the key moves (domain_events.type). */
export const KEY_EVENTS: Record<KeyAction, string> = {
  shortlist: 'proposals.key_shortlisted',
  approve: 'proposals.key_selected',
  decline: 'proposals.key_declined',
  revoke: 'proposals.key_revoked',
  set_supervision: 'proposals.supervision_set',
  record_event: 'proposals.supervision_recorded',
};

/** The duty credit of a key proposal (performance's generic `duty.recorded`): one ref per approval, so a revoked credit stays revoked. */
export const keyCreditRef = (proposalId: string, approval: number) => `proposals:${proposalId}:key:${approval}`;
