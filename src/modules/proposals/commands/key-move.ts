import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { DomainEvent } from '../../../platform/events.js';
import { parseSettings, type ProposalSettings } from '../domain/settings.js';
import { KeyErrors } from '../key.errors.js';
import { findKey, patchKey, type KeyRow } from '../key.repository.js';
import {
  KEY_EVENTS, KEY_STATUSES, KEY_TRANSITIONS, planKeyMove, type KeyAction, type KeyActor, type KeyStatus, type KeyTransition,
} from '../key.workflow.js';
import { loadVisible, type Loaded } from '../proposal.access.js';
import { readSettings } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';

/** Who the caller is to the key record of one proposal. */
export function keyActorsOf(caller: Caller, loaded: Pick<Loaded, 'facts'>, key: Pick<KeyRow, 'leadLeaderUserId'> | undefined, settings: ProposalSettings): Set<KeyActor> {
  const out = new Set<KeyActor>();
  const leader = caller.admin || caller.grants.some((g) => g.role === 'leader');
  if (loaded.facts.office) out.add('proposal_office');
  if (settings.keyApprovedBy === 'office' ? loaded.facts.office : leader) out.add('approver');
  if (key?.leadLeaderUserId && caller.actor.userId === key.leadLeaderUserId) out.add('lead_leader');
  return out;
}

export function keyRefusal(action: KeyAction, status: KeyStatus, reason: 'not_allowed' | 'invalid_transition'): AppError {
  const t = KEY_TRANSITIONS[action] as KeyTransition;
  const p = { status, statusLabel: KEY_STATUSES[status], action, actionLabel: t.label };
  return new AppError(KeyErrors[reason === 'not_allowed' ? 'proposal.key_not_allowed' : 'proposal.key_invalid_transition'], p);
}

export interface KeyMoveContext extends Loaded {
  uow: UnitOfWork;
  caller: Caller;
  settings: ProposalSettings;
  key: KeyRow | undefined;
  from: KeyStatus;
}

export interface KeyMoveOutcome {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  events?: DomainEvent[];
  /** The columns the move sets besides the status (the status itself is written by keyMove). */
  patch?: Parameters<typeof patchKey>[3];
}

/**
 * One key-proposal move in one transaction: the proposal in the caller's committee, locked
 * (404 when absent or invisible), the key row locked, the caller's role (403) and the status
 * (409) checked against the key table, the action's own work, then the status, the audit row
 * and the event row.
 */
export async function keyMove(
  db: Db, caller: Caller, proposalId: string, action: KeyAction, work: (m: KeyMoveContext) => Promise<KeyMoveOutcome | void>,
): Promise<{ proposalId: string; status: KeyStatus }> {
  return transact(db, caller.actor, async (uow) => {
    const loaded = await loadVisible(uow.tx, caller, proposalId, { lock: true });
    const settings = parseSettings(await readSettings(uow.tx, caller.committeeId));
    const key = await findKey(uow.tx, caller.committeeId, proposalId, { lock: true });
    const from: KeyStatus = key?.status ?? 'none';
    const plan = planKeyMove(from, action, keyActorsOf(caller, loaded, key, settings));
    if (!plan.ok) throw keyRefusal(action, from, plan.reason);
    const outcome = (await work({ ...loaded, uow, caller, settings, key, from })) ?? {};
    const { committeeId } = caller;
    const to = plan.to;
    if (to !== 'none') await patchKey(uow.tx, committeeId, proposalId, { ...outcome.patch, ...(to !== from ? { status: to } : {}) });
    await uow.audit({
      committeeId, action: `proposal.key.${action}`, entity: 'proposal', entityId: proposalId,
      before: { keyStatus: from, ...outcome.before }, after: { keyStatus: to, ...outcome.after },
    });
    await uow.emit({ type: KEY_EVENTS[action], committeeId, entityId: proposalId, payload: { proposalId, action, from, to, ...outcome.payload } });
    for (const e of outcome.events ?? []) await uow.emit(e);
    return { proposalId, status: to };
  });
}
