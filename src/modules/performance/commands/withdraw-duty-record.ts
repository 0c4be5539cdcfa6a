import type { Db } from '../../../platform/db/database.js';
import type { Caller } from '../performance.policy.js';
import { moveRecord } from './record-move.js';

/** 撤回: the member takes back a record not yet decided. */
export function withdrawDutyRecord(db: Db, caller: Caller, id: string) {
  return moveRecord(db, caller, id, 'withdraw');
}
