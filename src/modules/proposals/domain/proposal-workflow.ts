/**
 * The proposal workflow (提案工作流程) as one table: every state, every legal move, and who may
 * make it. Commands call `planTransition`; the abilities sent to clients and the diagram in
 * docs/architecture.md are computed from the same table.
 */
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

/** `to` is the state after the move; a list when the command picks by its data; 'same' when the state does not change. */
export interface Transition {
  from: readonly ProposalState[];
  to: ProposalState | readonly ProposalState[] | 'same';
  by: readonly ProposalActor[];
  label: string;
}

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

export type ProposalAction = keyof typeof PROPOSAL_TRANSITIONS;
export const PROPOSAL_ACTIONS = Object.keys(PROPOSAL_TRANSITIONS) as ProposalAction[];
export const ALL_STATES = Object.keys(PROPOSAL_STATES) as ProposalState[];

/** Where a move may end: the states `to` names ('same' resolves to the current state). */
export function targetsOf(action: ProposalAction, from: ProposalState): ProposalState[] {
  const to = (PROPOSAL_TRANSITIONS[action] as Transition).to;
  return to === 'same' ? [from] : typeof to === 'string' ? [to] : [...to];
}

export type Plan = { ok: true; from: ProposalState; to: ProposalState } | { ok: false; reason: 'invalid_transition' | 'invalid_target' };

/**
 * The pure rule: may `action` happen in `state`, and where does it lead? For actions with
 * several targets the command names the one its data chose (`choose`); it must be listed.
 */
export function planTransition(state: ProposalState, action: ProposalAction, choose?: ProposalState): Plan {
  const t = PROPOSAL_TRANSITIONS[action] as Transition;
  if (!t.from.includes(state)) return { ok: false, reason: 'invalid_transition' };
  const targets = targetsOf(action, state);
  const to = choose ?? targets[0];
  if (!targets.includes(to) || (targets.length > 1 && choose === undefined)) return { ok: false, reason: 'invalid_target' };
  return { ok: true, from: state, to };
}

/** Actions whose `by` includes one of `actors` and whose `from` includes `state`. */
export function allowedActions(state: ProposalState, actors: ReadonlySet<ProposalActor>): ProposalAction[] {
  return PROPOSAL_ACTIONS.filter((a) => {
    const t = PROPOSAL_TRANSITIONS[a] as Transition;
    return t.from.includes(state) && t.by.some((b) => actors.has(b));
  });
}

/** Terminal states: no action leaves them. */
export function isTerminal(state: ProposalState): boolean {
  return !PROPOSAL_ACTIONS.some((a) => (PROPOSAL_TRANSITIONS[a] as Transition).from.includes(state));
}

/** The table as a Mermaid state diagram (self-loops omitted; one edge per from→to with the actions' labels). */
export function workflowMermaid(): string {
  const edges = new Map<string, string[]>();
  for (const a of PROPOSAL_ACTIONS) {
    const t = PROPOSAL_TRANSITIONS[a] as Transition;
    for (const from of t.from) {
      for (const to of targetsOf(a, from)) {
        if (to === from) continue;
        const key = `${from} --> ${to}`;
        edges.set(key, [...(edges.get(key) ?? []), t.label]);
      }
    }
  }
  const lines = ['stateDiagram-v2', '  [*] --> draft'];
  for (const s of ALL_STATES) lines.push(`  ${s} : ${s} ${PROPOSAL_STATES[s]}`);
  for (const [key, labels] of edges) lines.push(`  ${key} : ${labels.join(' / ')}`);
  for (const s of ALL_STATES) if (isTerminal(s)) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}
