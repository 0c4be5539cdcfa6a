import type { Db } from '../../../platform/db/database.js';
import { sendBackInput } from '../contracts.js';
import { clearCountersigns, repliesOf, setReplyStatus } from '../handling.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 退回重办: the office sends the reply (of one unit, or all) back to be redone; countersigns start over. */
export async function sendBackReply(db: Db, caller: Caller, id: string, raw: { reason: string; unitId?: string }) {
  const input = sendBackInput.parse(raw);
  return move(db, caller, id, 'send_back', async (m) => {
    const replies = (await repliesOf(m.uow.tx, caller.committeeId, id, m.row.round))
      .filter((r) => r.status === 'submitted' && (!input.unitId || r.unitId === input.unitId));
    for (const r of replies) {
      await setReplyStatus(m.uow.tx, caller.committeeId, r.id, 'sent_back', { reviewNote: input.reason });
      await clearCountersigns(m.uow.tx, caller.committeeId, r.id);
    }
    const units = replies.map((r) => r.unitId);
    return { after: { reason: input.reason, units }, payload: { reason: input.reason, units } };
  });
}
