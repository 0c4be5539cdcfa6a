import type { Db } from '../../../platform/db/database.js';
import type { Caller } from '../performance.policy.js';
import { moveRecord } from './record-move.js';

/**
 * 撤销核实: staff take back a verification made by mistake; the self-reported record returns to
 * the queue (待核实) and stops counting from now on. Audited like every move. Never one's own.
 */
export function unverifyDutyRecord(db: Db, caller: Caller, id: string) {
  return moveRecord(db, caller, id, 'unverify');
}
