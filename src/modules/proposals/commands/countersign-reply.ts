import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { countersignInput } from '../contracts.js';
import { insertCountersign, repliesOf } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import { factsOf, type Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 会签: a co-handling unit signs the lead unit's reply, with its opinion; the last signature sends it to review. */
export async function countersignReply(db: Db, caller: Caller, id: string, raw: { opinion?: string | null } = {}) {
  const { opinion } = countersignInput.parse(raw);
  const units = factsOf(caller).unitIds;
  return move(db, caller, id, 'countersign', async (m) => {
    const coUnits = m.assignments.filter((a) => a.status === 'active' && a.role === 'co');
    const mine = coUnits.find((a) => units.has(a.unitId))!;
    const lead = m.assignments.find((a) => a.status === 'active' && a.role === 'lead')!;
    const reply = (await repliesOf(m.uow.tx, caller.committeeId, id, m.row.round)).find((r) => r.unitId === lead.unitId && r.status === 'submitted')!;
    if (reply.countersignedBy.some((c) => c.unitId === mine.unitId)) throw new AppError(ProposalErrors['proposal.already_countersigned']);
    await insertCountersign(m.uow.tx, caller.committeeId, reply.id, mine.unitId, opinion);
    const signed = new Set([...reply.countersignedBy.map((c) => c.unitId), mine.unitId]);
    const to = coUnits.every((a) => signed.has(a.unitId)) ? 'reply_review' : 'countersigning';
    return { to, after: { unitId: mine.unitId, opinion }, payload: { unitId: mine.unitId } };
  });
}
