/**
 * The proposal workflow (提案工作流程) as one table: every state, every legal move, and who may
 * make it. `proposalWorkflow` (the platform's kernel, src/platform/workflow.ts) checks moves,
 * computes the abilities sent to clients and draws the diagram in docs/architecture.md.
 */
import { defineWorkflow, type TransitionDef } from '../../../platform/workflow.js';

export const PROPOSAL_STATES = {
  draft: '草稿',
  submitted: '已提交',
  pre_reviewed: '已预审',
  returned: '退回修改',
  withdrawn: '已撤案',
  not_filed: '不予立案',
  converted: '转为意见建议',
  merged: '已并案',
  filed: '已立案',
  assigned: '已交办',
  objected: '单位有异议',
  handling: '办理中',
  countersigning: '会签中',
  reply_review: '答复审核中',
  released: '已答复',
  closed: '已办结',
  carried_over: '续办',
} as const;
export type ProposalState = keyof typeof PROPOSAL_STATES;

/**
 * Who acts, relative to one proposal:
 * - proposer: the first signer (第一提案人); co-signer: a member invited to sign jointly;
 * - signer: the first signer or a confirmed co-signer of the proposal or of one merged into it;
 * - proposal_office: staff of the proposal office (提案委员会办公室);
 * - lead_unit: a clerk of the lead unit (主办), or of any unit in 分办;
 * - co_unit: a clerk of a co-handling unit (会办); assigned_unit: a clerk of any of them.
 */
export type ProposalActor = 'proposer' | 'cosigner' | 'signer' | 'proposal_office' | 'lead_unit' | 'co_unit' | 'assigned_unit';

export type Transition = TransitionDef<ProposalState, ProposalActor>;

export const PROPOSAL_TRANSITIONS = {
  edit: { from: ['draft', 'returned'], to: 'same', by: ['proposer'], label: '修改' },
  confirm_cosign: { from: ['draft', 'returned'], to: 'same', by: ['cosigner'], label: '确认联名' },
  decline_cosign: { from: ['draft', 'returned'], to: 'same', by: ['cosigner'], label: '谢绝联名' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: ['proposer'], label: '提交' },
  withdraw: { from: ['draft', 'submitted', 'pre_reviewed', 'returned', 'filed'], to: 'withdrawn', by: ['proposer'], label: '撤案' },
  pre_review: { from: ['submitted'], to: 'pre_reviewed', by: ['proposal_office'], label: '预审' },
  return_for_revision: { from: ['submitted', 'pre_reviewed'], to: 'returned', by: ['proposal_office'], label: '退回修改' },
  file: { from: ['submitted', 'pre_reviewed'], to: 'filed', by: ['proposal_office'], label: '立案' },
  reject: { from: ['submitted', 'pre_reviewed'], to: 'not_filed', by: ['proposal_office'], label: '不予立案' },
  convert: { from: ['submitted', 'pre_reviewed'], to: 'converted', by: ['proposal_office'], label: '转为意见建议' },
  merge: { from: ['submitted', 'pre_reviewed'], to: 'merged', by: ['proposal_office'], label: '并案' },
  assign: { from: ['filed'], to: 'assigned', by: ['proposal_office'], label: '交办' },
  object: { from: ['assigned', 'handling'], to: 'objected', by: ['assigned_unit'], label: '提出异议' },
  dismiss_objection: { from: ['objected'], to: 'assigned', by: ['proposal_office'], label: '驳回异议' },
  reassign: { from: ['assigned', 'objected', 'handling'], to: 'assigned', by: ['proposal_office'], label: '改办' },
  accept: { from: ['assigned'], to: 'handling', by: ['lead_unit'], label: '签收' },
  extend_deadline: { from: ['assigned', 'handling', 'countersigning', 'reply_review'], to: 'same', by: ['proposal_office'], label: '延期' },
  save_reply: { from: ['handling'], to: 'same', by: ['lead_unit'], label: '起草答复' },
  submit_reply: { from: ['handling'], to: ['handling', 'countersigning', 'reply_review'], by: ['lead_unit'], label: '提交答复' },
  countersign: { from: ['countersigning'], to: ['countersigning', 'reply_review'], by: ['co_unit'], label: '会签' },
  send_back: { from: ['countersigning', 'reply_review'], to: 'handling', by: ['proposal_office'], label: '退回重办' },
  release: { from: ['reply_review'], to: 'released', by: ['proposal_office'], label: '审核发布' },
  rate: { from: ['released'], to: ['released', 'handling'], by: ['signer', 'proposal_office'], label: '评价' },
  rehandle: { from: ['released'], to: 'handling', by: ['proposal_office'], label: '重新办理' },
  close: { from: ['released'], to: 'closed', by: ['proposal_office'], label: '办结' },
  carry_over: { from: ['released', 'handling'], to: 'carried_over', by: ['proposal_office'], label: '续办' },
  resume: { from: ['carried_over'], to: 'handling', by: ['proposal_office'], label: '恢复办理' },
} as const satisfies Record<string, Transition>;


/** The proposal workflow, on the platform's kernel: abilities, diagram, checks and moves come from it. */
export const proposalWorkflow = defineWorkflow({
  name: 'proposal',
  title: 'Proposals (提案)',
  initial: 'draft',
  states: PROPOSAL_STATES,
  actors: {
    proposer: 'the first signer (第一提案人)',
    cosigner: 'a member invited to sign jointly',
    signer: 'the first signer or a confirmed co-signer, of this proposal or one merged into it',
    proposal_office: 'staff of the proposal office (提案委员会办公室)',
    lead_unit: 'a clerk of the lead unit (主办), or of any unit in 分办',
    co_unit: 'a clerk of a co-handling unit (会办)',
    assigned_unit: 'a clerk of any unit the proposal is assigned to',
  },
  transitions: PROPOSAL_TRANSITIONS,
  errors: { notAllowed: 'proposal.not_allowed', invalidTransition: 'proposal.invalid_transition' },
});

export type ProposalAction = keyof typeof PROPOSAL_TRANSITIONS;
export const PROPOSAL_ACTIONS = proposalWorkflow.actionList;
export const ALL_STATES = proposalWorkflow.stateList;
