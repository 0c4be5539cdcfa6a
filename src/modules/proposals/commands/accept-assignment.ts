import type { Db } from '../../../platform/db/database.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 签收: the lead unit (or a unit in 分办) takes the proposal up; handling begins. */
export async function acceptAssignment(db: Db, caller: Caller, id: string) {
  return move(db, caller, id, 'accept', async () => ({}));
}
