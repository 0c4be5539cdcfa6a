import type { Db } from '../../../platform/db/database.js';
import type { Caller } from '../performance.policy.js';
import { moveRecord } from './record-move.js';

/** 核实: staff of member affairs accept a self-reported record; from now on it counts. Never one's own. */
export function verifyDutyRecord(db: Db, caller: Caller, id: string) {
  return moveRecord(db, caller, id, 'verify');
}
