import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { MoveOutcome } from '../../../platform/workflow.js';
import { parseSettings, type ProposalSettings } from '../domain/settings.js';
import { findKey, patchKey, type KeyRow } from '../key.repository.js';
import { KEY_EVENTS, keyWorkflow, type KeyAction, type KeyActor, type KeyStatus } from '../key.workflow.js';
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
  return keyWorkflow.refusal(reason, action, status);
}

export interface KeyMoveContext extends Loaded {
  uow: UnitOfWork;
  caller: Caller;
  settings: ProposalSettings;
  key: KeyRow | undefined;
  from: KeyStatus;
}

export interface KeyMoveOutcome extends Omit<MoveOutcome<KeyStatus>, 'to'> {
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
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const { to } = await keyWorkflow.move(uow, {
      action, committeeId, entity: 'proposal', entityId: proposalId,
      async load() {
        const loaded = await loadVisible(uow.tx, caller, proposalId, { lock: true });
        const settings = parseSettings(await readSettings(uow.tx, committeeId));
        const key = await findKey(uow.tx, committeeId, proposalId, { lock: true });
        const state: KeyStatus = key?.status ?? 'none';
        // `actors` here are the caller's relations to the key record, not to the proposal.
        return { ...loaded, settings, key, state, actors: keyActorsOf(caller, loaded, key, settings), proposalActors: loaded.actors };
      },
      work: ({ proposalActors, state: _s, ...l }, from) => work({ ...l, actors: proposalActors, uow, caller, from }),
      writeAlways: true,
      async writeState(to, from, _l, outcome) {
        const patch = (outcome as KeyMoveOutcome).patch;
        if (to !== 'none') await patchKey(uow.tx, committeeId, proposalId, { ...patch, ...(to !== from ? { status: to } : {}) });
      },
      auditAction: `proposal.key.${action}`,
      stateKey: 'keyStatus',
      event: KEY_EVENTS[action],
      payload: () => ({ proposalId }),
    });
    return { proposalId, status: to };
  });
}
