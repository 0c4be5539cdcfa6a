import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { NetworkErrors as E } from '../network.errors.js';
import { isNetworkOffice, type Caller } from '../network.policy.js';
import { countMembers, findPlace, type PlaceRow } from '../network.repository.js';

/** Commands are called by seeds and tests too, so each checks the role the route checked. */
export function requireOffice(caller: Caller, actionLabel: string, actionLabelEn: string): void {
  if (!isNetworkOffice(caller)) throw new AppError(E['network.not_allowed'], { actionLabel, actionLabelEn });
}

/** The place in the caller's committee (locked when asked); 404 when it is another committee's. */
export async function loadPlace(db: Executor, committeeId: string, id: string, lock = false): Promise<PlaceRow> {
  const place = await findPlace(db, committeeId, id, lock);
  if (!place) throw new AppError(E['network.place_not_found']);
  return place;
}

/** Every id is a member of the committee, else `network.member_unknown` (400). */
export async function requireMembers(db: Executor, committeeId: string, ids: readonly string[]): Promise<void> {
  if ((await countMembers(db, committeeId, ids)) !== new Set(ids).size) throw new AppError(E['network.member_unknown']);
}
