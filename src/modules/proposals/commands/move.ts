import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import type { AppError } from '../../../platform/errors.js';
import type { MoveOutcome as KernelOutcome } from '../../../platform/workflow.js';
import { proposalWorkflow, type ProposalAction, type ProposalState } from '../domain/proposal-workflow.js';
import { parseSettings, type ProposalSettings } from '../domain/settings.js';
import { PROPOSAL_EVENTS } from '../events.js';
import { loadVisible, type Loaded } from '../proposal.access.js';
import { readSettings, setState } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { noticesOfMove } from '../reminders.notices.js';

export interface MoveContext extends Loaded {
  uow: UnitOfWork;
  caller: Caller;
  settings: ProposalSettings;
  from: ProposalState;
}

/** What an action's work adds: the chosen target, audit before/after, event payload, further events (e.g. proposals.merged_credit). */
export type MoveOutcome = KernelOutcome<ProposalState>;

/** The proposal workflow's error for a refused action (used where a command refuses before moving). */
export function refuse(action: ProposalAction, state: ProposalState, code: 'proposal.invalid_transition' | 'proposal.not_allowed'): AppError {
  return proposalWorkflow.refusal(code === 'proposal.not_allowed' ? 'not_allowed' : 'invalid_transition', action, state);
}

/** Checks, outside a transaction, that the caller may take `action` on the proposal as it is (used by abilities). */
export function check(l: Pick<Loaded, 'row' | 'actors'>, action: ProposalAction): AppError | null {
  const refused = proposalWorkflow.check(l.row.state, action, l.actors);
  return refused ? proposalWorkflow.refusal(refused, action, l.row.state) : null;
}

/**
 * One workflow move in one transaction, through the platform's kernel: lock the proposal in the
 * caller's committee (404 if absent or invisible), check the caller's role (403) and the state
 * (409) against the table, run the action's own invariants and writes (`work`), then write the
 * new state, the audit row and the event row, and the notices of the move.
 */
export async function move(
  db: Db, caller: Caller, id: string, action: ProposalAction, work: (m: MoveContext) => Promise<MoveOutcome | void>,
): Promise<{ id: string; state: ProposalState }> {
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const { to } = await proposalWorkflow.move(uow, {
      action, committeeId, entity: 'proposal', entityId: id,
      async load() {
        const loaded = await loadVisible(uow.tx, caller, id, { lock: true });
        return { ...loaded, state: loaded.row.state };
      },
      async work(loaded, from) {
        const settings = parseSettings(await readSettings(uow.tx, committeeId));
        return work({ ...loaded, uow, caller, settings, from });
      },
      writeState: (to) => setState(uow.tx, committeeId, id, to),
      auditAction: `proposal.${action}`,
      event: PROPOSAL_EVENTS[action],
      payload: () => ({ proposalId: id }),
      after: (loaded, _from, to, outcome) =>
        noticesOfMove({ tx: uow.tx, committeeId, row: loaded.row, signers: loaded.signers, assignments: loaded.assignments }, action, to, outcome.payload),
    });
    return { id, state: to };
  });
}

/** The first signer and the confirmed co-signers, as duty events name them. */
export function creditedMembers(signers: Loaded['signers']): { memberId: string; role: 'first' | 'cosigner' }[] {
  return signers
    .filter((s) => s.status === 'first' || s.status === 'confirmed')
    .map((s) => ({ memberId: s.memberId, role: s.position === 1 ? ('first' as const) : ('cosigner' as const) }));
}
