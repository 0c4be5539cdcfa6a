import type { Db } from '../../../platform/db/database.js';
import { voidInput } from '../contracts.js';
import type { Caller } from '../performance.policy.js';
import { moveRecord } from './record-move.js';

/** 作废: staff void a verified record found wrong (a correction, audited with its reason). Never one's own. */
export function voidDutyRecord(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = voidInput.parse(raw);
  return moveRecord(db, caller, id, 'void', { reason });
}
