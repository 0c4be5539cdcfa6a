import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { DomainEvent } from '../../../platform/events.js';
import { INFO_STATES, INFO_TRANSITIONS, planTransition, type InfoAction, type InfoState, type Transition } from '../domain/info-workflow.js';
import { parseInfoSettings, type InfoSettings } from '../domain/settings.js';
import { INFO_EVENTS } from '../events.js';
import { loadItem, type LoadedItem } from '../item.access.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { patchItem, readInfoSettings } from '../social-info.repository.js';

export interface MoveContext extends LoadedItem {
  uow: UnitOfWork;
  caller: Caller;
  settings: InfoSettings;
  from: InfoState;
}

export interface MoveOutcome {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  events?: DomainEvent[];
}

export function refuse(action: InfoAction, state: InfoState, code: 'social_info.invalid_transition' | 'social_info.not_allowed'): AppError {
  const t = INFO_TRANSITIONS[action] as Transition;
  return new AppError(InfoErrors[code], { state, stateLabel: INFO_STATES[state], action, actionLabel: t.label });
}

/** Whether the caller may take `action` on the item as it is (null) or why not (used by abilities too). */
export function check(l: Pick<LoadedItem, 'row' | 'actors'>, action: InfoAction): AppError | null {
  const t = INFO_TRANSITIONS[action] as Transition;
  if (!t.by.some((b) => l.actors.has(b))) return refuse(action, l.row.state, 'social_info.not_allowed');
  if (!t.from.includes(l.row.state)) return refuse(action, l.row.state, 'social_info.invalid_transition');
  return null;
}

/**
 * One workflow move inside an existing unit of work: lock the item in the caller's committee
 * (404 if absent or invisible), check the caller's role (403) and the state (409) against the
 * table, run the action's own invariants and writes, then write the state, audit row and event.
 */
export async function moveIn(
  uow: UnitOfWork, caller: Caller, id: string, action: InfoAction, work?: (m: MoveContext) => Promise<MoveOutcome | void>,
): Promise<{ id: string; state: InfoState }> {
  const loaded = await loadItem(uow.tx, caller, id, { lock: true });
  const refused = check(loaded, action);
  if (refused) throw refused;
  const settings = parseInfoSettings(await readInfoSettings(uow.tx, caller.committeeId));
  const from = loaded.row.state;
  const outcome = (await work?.({ ...loaded, uow, caller, settings, from })) ?? {};
  const plan = planTransition(from, action);
  if (!plan.ok) throw new Error(`social-info workflow: ${action} from ${from}`);
  if (plan.to !== from) await patchItem(uow.tx, caller.committeeId, id, { state: plan.to });
  const { committeeId } = caller;
  await uow.audit({
    committeeId, action: `social_info.${action}`, entity: 'social_info_item', entityId: id,
    before: { state: from, ...outcome.before }, after: { state: plan.to, ...outcome.after },
  });
  await uow.emit({
    type: INFO_EVENTS[action], committeeId, entityId: id,
    payload: { itemId: id, action, from, to: plan.to, memberIds: loaded.row.memberIds, ...outcome.payload },
  });
  for (const e of outcome.events ?? []) await uow.emit(e);
  return { id, state: plan.to };
}

/** One workflow move in its own transaction. */
export function move(db: Db, caller: Caller, id: string, action: InfoAction, work?: (m: MoveContext) => Promise<MoveOutcome | void>) {
  return transact(db, caller.actor, (uow) => moveIn(uow, caller, id, action, work));
}
