import { describe, expect, it } from 'vitest';
import {
  ALL_STATES, PROPOSAL_ACTIONS, PROPOSAL_TRANSITIONS, proposalWorkflow,
  type ProposalAction, type ProposalState, type Transition,
} from '../../src/modules/proposals/domain/proposal-workflow.js';

/**
 * The specification, written out independently of the table: in each state, the actions that
 * are legal. The test walks every state × action pair against it.
 */
const LEGAL: Record<ProposalState, ProposalAction[]> = {
  draft: ['edit', 'confirm_cosign', 'decline_cosign', 'submit', 'withdraw'],
  returned: ['edit', 'confirm_cosign', 'decline_cosign', 'submit', 'withdraw'],
  submitted: ['withdraw', 'pre_review', 'return_for_revision', 'file', 'reject', 'convert', 'merge'],
  pre_reviewed: ['withdraw', 'return_for_revision', 'file', 'reject', 'convert', 'merge'],
  filed: ['withdraw', 'assign'],
  assigned: ['object', 'reassign', 'accept', 'extend_deadline'],
  objected: ['dismiss_objection', 'reassign'],
  handling: ['object', 'reassign', 'extend_deadline', 'save_reply', 'submit_reply', 'carry_over'],
  countersigning: ['extend_deadline', 'countersign', 'send_back'],
  reply_review: ['extend_deadline', 'send_back', 'release'],
  released: ['rate', 'rehandle', 'close', 'carry_over'],
  carried_over: ['resume'],
  withdrawn: [],
  not_filed: [],
  converted: [],
  merged: [],
  closed: [],
};

describe('proposal workflow table', () => {
  it('walks every state × action pair: legal exactly where the specification says', () => {
    let pairs = 0;
    for (const s of ALL_STATES) {
      for (const a of PROPOSAL_ACTIONS) {
        pairs++;
        const targets = proposalWorkflow.targetsOf(a, s);
        const plan = proposalWorkflow.plan(s, a, targets.length > 1 ? targets[targets.length - 1] : undefined);
        expect({ s, a, ok: plan.ok }).toEqual({ s, a, ok: LEGAL[s].includes(a) });
        if (plan.ok) expect(ALL_STATES).toContain(plan.to);
        else expect(plan.reason).toBe('invalid_transition');
      }
    }
    expect(pairs).toBe(ALL_STATES.length * PROPOSAL_ACTIONS.length);
  });

  it('actions with several targets need the command to choose one of them', () => {
    expect(proposalWorkflow.plan('handling', 'submit_reply')).toEqual({ ok: false, reason: 'invalid_target' });
    expect(proposalWorkflow.plan('handling', 'submit_reply', 'countersigning')).toEqual({ ok: true, from: 'handling', to: 'countersigning' });
    expect(proposalWorkflow.plan('handling', 'submit_reply', 'closed')).toEqual({ ok: false, reason: 'invalid_target' });
    expect(proposalWorkflow.plan('released', 'rate', 'handling')).toMatchObject({ ok: true, to: 'handling' });
    expect(proposalWorkflow.plan('draft', 'edit')).toEqual({ ok: true, from: 'draft', to: 'draft' });
  });

  it('terminal states are exactly the ends of a proposal, and every other state can move on', () => {
    expect(ALL_STATES.filter(proposalWorkflow.isTerminal).sort()).toEqual(['closed', 'converted', 'merged', 'not_filed', 'withdrawn']);
  });

  it('every state is reachable from draft', () => {
    const seen = new Set<ProposalState>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const a of PROPOSAL_ACTIONS) for (const s of [...seen]) if (proposalWorkflow.plan(s, a, undefined).ok || proposalWorkflow.targetsOf(a, s).length > 1) {
        if (!(PROPOSAL_TRANSITIONS[a] as Transition).from.includes(s)) continue;
        for (const t of proposalWorkflow.targetsOf(a, s)) if (!seen.has(t)) { seen.add(t); grew = true; }
      }
    }
    expect([...seen].sort()).toEqual([...ALL_STATES].sort());
  });

  it('who acts: the proposer only before assignment, units only after it, the office never drafts', () => {
    const proposerActions = proposalWorkflow.allowedActions('filed', new Set(['proposer']));
    expect(proposerActions).toEqual(['withdraw']);
    for (const s of ['assigned', 'handling', 'released'] as const) expect(proposalWorkflow.allowedActions(s, new Set(['proposer']))).toEqual([]);
    for (const s of ['draft', 'submitted', 'filed'] as const) expect(proposalWorkflow.allowedActions(s, new Set(['lead_unit', 'co_unit', 'assigned_unit']))).toEqual([]);
    expect(proposalWorkflow.allowedActions('draft', new Set(['proposal_office']))).toEqual([]);
    expect(proposalWorkflow.allowedActions('released', new Set(['signer']))).toEqual(['rate']);
    expect(proposalWorkflow.allowedActions('countersigning', new Set(['co_unit']))).toEqual(['countersign']);
    for (const a of PROPOSAL_ACTIONS) expect((PROPOSAL_TRANSITIONS[a] as Transition).by.length).toBeGreaterThan(0);
  });

  it('draws the table as a Mermaid state diagram', () => {
    const m = proposalWorkflow.mermaid();
    expect(m.startsWith('stateDiagram-v2')).toBe(true);
    expect(m).toContain('submitted --> filed : 立案');
    expect(m).toContain('released --> handling : 评价 / 重新办理');
    expect(m).toContain('closed --> [*]');
    expect(m).not.toContain('draft --> draft');
  });
});
