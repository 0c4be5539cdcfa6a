import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import type { AppError } from '../../../platform/errors.js';
import type { MoveOutcome as KernelOutcome } from '../../../platform/workflow.js';
import { infoWorkflow, type InfoAction, type InfoState } from '../domain/info-workflow.js';
import { parseInfoSettings, type InfoSettings } from '../domain/settings.js';
import { INFO_EVENTS } from '../events.js';
import { loadItem, type LoadedItem } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { patchItem, readInfoSettings } from '../social-info.repository.js';

export interface MoveContext extends LoadedItem {
  uow: UnitOfWork;
  caller: Caller;
  settings: InfoSettings;
  from: InfoState;
}

export type MoveOutcome = Omit<KernelOutcome<InfoState>, 'to'>;

export function refuse(action: InfoAction, state: InfoState, code: 'social_info.invalid_transition' | 'social_info.not_allowed'): AppError {
  return infoWorkflow.refusal(code === 'social_info.not_allowed' ? 'not_allowed' : 'invalid_transition', action, state);
}

/** Whether the caller may take `action` on the item as it is (null) or why not (used by abilities too). */
export function check(l: Pick<LoadedItem, 'row' | 'actors'>, action: InfoAction): AppError | null {
  const refused = infoWorkflow.check(l.row.state, action, l.actors);
  return refused ? infoWorkflow.refusal(refused, action, l.row.state) : null;
}

/**
 * One workflow move inside an existing unit of work, through the platform's kernel: lock the item
 * in the caller's committee (404 if absent or invisible), check the caller's role (403) and the
 * state (409) against the table, run the action's own invariants and writes, then write the
 * state, audit row and event.
 */
export async function moveIn(
  uow: UnitOfWork, caller: Caller, id: string, action: InfoAction, work?: (m: MoveContext) => Promise<MoveOutcome | void>,
): Promise<{ id: string; state: InfoState }> {
  const { committeeId } = caller;
  const { to } = await infoWorkflow.move(uow, {
    action, committeeId, entity: 'social_info_item', entityId: id,
    async load() {
      const loaded = await loadItem(uow.tx, caller, id, { lock: true });
      return { ...loaded, state: loaded.row.state };
    },
    async work(loaded, from) {
      const settings = parseInfoSettings(await readInfoSettings(uow.tx, committeeId));
      return work?.({ ...loaded, uow, caller, settings, from });
    },
    writeState: (to) => patchItem(uow.tx, committeeId, id, { state: to }),
    event: INFO_EVENTS[action],
    payload: (loaded) => ({ itemId: id, memberIds: loaded.row.memberIds }),
  });
  return { id, state: to };
}

/** One workflow move in its own transaction. */
export function move(db: Db, caller: Caller, id: string, action: InfoAction, work?: (m: MoveContext) => Promise<MoveOutcome | void>) {
  return transact(db, caller.actor, (uow) => moveIn(uow, caller, id, action, work));
}
