import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptAssignment, closeProposal, createDraft, fileProposal, getProposal, rejectProposal, submitProposal, withdrawProposal,
  type Caller, type ProposalAction,
} from '../../src/modules/proposals/index.js';
import { proposalWorkflow, PROPOSAL_ACTIONS, type ProposalActor, type ProposalState } from '../../src/modules/proposals/domain/proposal-workflow.js';
import { assigned, BODY, failsWith, filed, proposalWorld, released, submitted, TITLE, WATER, type World } from './support.js';

/**
 * The abilities sent to clients and the commands' refusals both come from the workflow table:
 * for proposals brought into each state by the real commands, every caller's abilities are
 * exactly the table's actions for the caller's relation, and every other command is refused.
 */
describe('abilities = the workflow table, for proposals in each state', () => {
  let w: World;
  const cases: { state: ProposalState; id: string }[] = [];
  beforeAll(async () => {
    w = await proposalWorld();
    const add = async (state: ProposalState, id: Promise<string> | string) => cases.push({ state, id: await id });
    await add('draft', createDraft(w.db, w.member(0), { title: TITLE, body: BODY, category: '农业农村' }));
    await add('submitted', submitted(w));
    await add('filed', filed(w));
    await add('assigned', assigned(w));
    const h = await assigned(w);
    await acceptAssignment(w.db, w.clerk(WATER), h);
    await add('handling', h);
    await add('released', released(w));
    const c = await released(w);
    await closeProposal(w.db, w.office, c);
    await add('closed', c);
    const r = await submitted(w);
    await rejectProposal(w.db, w.office, r, { reasonCode: 'academic' });
    await add('not_filed', r);
    const x = await submitted(w);
    await withdrawProposal(w.db, w.member(0), x);
    await add('withdrawn', x);
  });

  const roles: { name: string; caller: (w: World) => Caller; actors: (s: ProposalState) => ProposalActor[] }[] = [
    { name: 'first signer', caller: (w) => w.member(0), actors: () => ['proposer', 'signer'] },
    { name: 'proposal office', caller: (w) => w.office, actors: () => ['proposal_office'] },
    { name: 'lead unit clerk', caller: (w) => w.clerk(WATER), actors: () => ['lead_unit', 'assigned_unit'] },
  ];

  it('every caller in every state may do exactly what the table allows', async () => {
    let checked = 0;
    for (const { state, id } of cases) {
      for (const role of roles) {
        let abilities: Record<ProposalAction, boolean>;
        try {
          abilities = (await getProposal(w.db, role.caller(w), id)).abilities;
        } catch (e) {
          // Invisible to this caller (a draft to the office; an unassigned proposal to a unit).
          expect((e as { code: string }).code).toBe('proposal.not_found');
          continue;
        }
        const expected = proposalWorkflow.allowedActions(state, new Set(role.actors(state)));
        expect({ state, role: role.name, allowed: PROPOSAL_ACTIONS.filter((a) => abilities[a]) }).toEqual({ state, role: role.name, allowed: expected });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(18);
  });

  it('a command the table forbids is refused: 409 in the wrong state, 403 for the wrong role', async () => {
    const closed = cases.find((c) => c.state === 'closed')!.id;
    await failsWith(fileProposal(w.db, w.office, closed), 'proposal.invalid_transition');
    await failsWith(submitProposal(w.db, w.member(0), closed), 'proposal.invalid_transition');
    const sub = cases.find((c) => c.state === 'submitted')!.id;
    await failsWith(fileProposal(w.db, w.member(0), sub), 'proposal.not_allowed');
  });
});
