import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { DomainEvent } from '../../../platform/events.js';
import {
  planTransition, PROPOSAL_STATES, PROPOSAL_TRANSITIONS, type ProposalAction, type ProposalState, type Transition,
} from '../domain/proposal-workflow.js';
import { parseSettings, type ProposalSettings } from '../domain/settings.js';
import { PROPOSAL_EVENTS } from '../events.js';
import { loadVisible, type Loaded } from '../proposal.access.js';
import { readSettings, setState } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { noticesOfMove } from '../reminders.notices.js';

export interface MoveContext extends Loaded {
  uow: UnitOfWork;
  caller: Caller;
  settings: ProposalSettings;
  from: ProposalState;
}

export interface MoveOutcome {
  /** For actions with several targets: the one the data chose. */
  to?: ProposalState;
  /** Recorded in the audit row next to the states. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Added to the action's event payload. */
  payload?: Record<string, unknown>;
  /** Further events of the same move (e.g. proposals.merged_credit). */
  events?: DomainEvent[];
}

export function refuse(action: ProposalAction, state: ProposalState, code: 'proposal.invalid_transition' | 'proposal.not_allowed'): AppError {
  const t = PROPOSAL_TRANSITIONS[action] as Transition;
  return new AppError(ProposalErrors[code], { state, stateLabel: PROPOSAL_STATES[state], action, actionLabel: t.label });
}

/** Checks, outside a transaction, that the caller may take `action` on the proposal as it is (used by abilities). */
export function check(l: Pick<Loaded, 'row' | 'actors'>, action: ProposalAction): AppError | null {
  const t = PROPOSAL_TRANSITIONS[action] as Transition;
  if (!t.by.some((b) => l.actors.has(b))) return refuse(action, l.row.state, 'proposal.not_allowed');
  if (!t.from.includes(l.row.state)) return refuse(action, l.row.state, 'proposal.invalid_transition');
  return null;
}

/**
 * One workflow move in one transaction: lock the proposal in the caller's committee (404 if
 * absent or invisible), check the caller's role (403) and the state (409) against the table,
 * run the action's own invariants and writes (`work`), then write the new state, the audit
 * row and the event row.
 */
export async function move(
  db: Db, caller: Caller, id: string, action: ProposalAction, work: (m: MoveContext) => Promise<MoveOutcome | void>,
): Promise<{ id: string; state: ProposalState }> {
  return transact(db, caller.actor, async (uow) => {
    const loaded = await loadVisible(uow.tx, caller, id, { lock: true });
    const refused = check(loaded, action);
    if (refused) throw refused;
    const settings = parseSettings(await readSettings(uow.tx, caller.committeeId));
    const from = loaded.row.state;
    const outcome = (await work({ ...loaded, uow, caller, settings, from })) ?? {};
    const plan = planTransition(from, action, outcome.to);
    if (!plan.ok) throw new Error(`proposal workflow: ${action} from ${from} cannot end in ${outcome.to}`);
    if (plan.to !== from) await setState(uow.tx, caller.committeeId, id, plan.to);
    const { committeeId } = caller;
    await uow.audit({
      committeeId, action: `proposal.${action}`, entity: 'proposal', entityId: id,
      before: { state: from, ...outcome.before }, after: { state: plan.to, ...outcome.after },
    });
    await uow.emit({
      type: PROPOSAL_EVENTS[action], committeeId, entityId: id,
      payload: { proposalId: id, action, from, to: plan.to, ...outcome.payload },
    });
    for (const e of outcome.events ?? []) await uow.emit(e);
    await noticesOfMove({ tx: uow.tx, committeeId, row: loaded.row, signers: loaded.signers, assignments: loaded.assignments }, action, plan.to, outcome.payload);
    return { id, state: plan.to };
  });
}

/** The first signer and the confirmed co-signers, as duty events name them. */
export function creditedMembers(signers: Loaded['signers']): { memberId: string; role: 'first' | 'cosigner' }[] {
  return signers
    .filter((s) => s.status === 'first' || s.status === 'confirmed')
    .map((s) => ({ memberId: s.memberId, role: s.position === 1 ? ('first' as const) : ('cosigner' as const) }));
}
