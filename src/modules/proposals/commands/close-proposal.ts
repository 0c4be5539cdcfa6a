import type { Db } from '../../../platform/db/database.js';
import { noteInput } from '../contracts.js';
import { feedbackOf } from '../handling.repository.js';
import { patchProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 办结: the office closes a released proposal; the event carries the class and this round's ratings. */
export async function closeProposal(db: Db, caller: Caller, id: string, raw: { note?: string | null } = {}) {
  const { note } = noteInput.parse(raw);
  return move(db, caller, id, 'close', async (m) => {
    const ratings = (await feedbackOf(m.uow.tx, caller.committeeId, id)).filter((f) => f.round === m.row.round).map((f) => ({ memberId: f.memberId, rating: f.rating }));
    await patchProposal(m.uow.tx, caller.committeeId, id, { closedAt: 'now' });
    return { after: { note }, payload: { replyClass: m.row.replyClass, round: m.row.round, ratings } };
  });
}
