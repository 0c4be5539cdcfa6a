import type { Db } from '../../../platform/db/database.js';
import { rejectInput } from '../contracts.js';
import type { Caller } from '../performance.policy.js';
import { moveRecord } from './record-move.js';

/** 退回: staff refuse a self-reported record with a reason the member sees. Never one's own. */
export function rejectDutyRecord(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = rejectInput.parse(raw);
  return moveRecord(db, caller, id, 'reject', { reason });
}
