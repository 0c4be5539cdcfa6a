import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { repliesOf, setReplyStatus } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';
import { myAnsweringUnit } from './save-reply.js';

const REQUIRED = { replyClass: '答复类别', body: '答复正文', signer: '签发人', contactPerson: '联系人', contactPhone: '联系电话' } as const;

/**
 * The answering unit submits its reply. With co-handling units it goes to them for 会签;
 * otherwise to the office's review. In 分办 the proposal waits until every unit has submitted.
 */
export async function submitReply(db: Db, caller: Caller, id: string) {
  return move(db, caller, id, 'submit_reply', async (m) => {
    const unitId = myAnsweringUnit(m, caller);
    const replies = await repliesOf(m.uow.tx, caller.committeeId, id, m.row.round);
    const mine = replies.find((r) => r.unitId === unitId);
    const missing = Object.entries(REQUIRED).filter(([k]) => !mine || !mine[k as keyof typeof REQUIRED]).map(([, label]) => label);
    if (missing.length) throw new AppError(ProposalErrors['proposal.reply_incomplete'], { missing: missing.join('、') });
    await setReplyStatus(m.uow.tx, caller.committeeId, mine!.id, 'submitted');
    const live = m.assignments.filter((a) => a.status === 'active');
    const hasCoUnits = live.some((a) => a.role === 'co');
    const splitPending = live.filter((a) => a.role === 'split' && a.unitId !== unitId)
      .some((a) => replies.find((r) => r.unitId === a.unitId)?.status !== 'submitted');
    const to = hasCoUnits ? 'countersigning' : splitPending ? 'handling' : 'reply_review';
    return { to, after: { unitId, replyId: mine!.id }, payload: { unitId } };
  });
}
