import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { releaseInput } from '../contracts.js';
import { repliesOf, setReplyStatus } from '../handling.repository.js';
import { patchProposal } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/**
 * 审核发布: the office releases the reply to the proposers, possibly changing its class. Every
 * first signer and confirmed co-signer — of this proposal and of those merged into it — is asked
 * to rate it.
 */
export async function releaseReply(db: Db, caller: Caller, id: string, raw: { classes?: { unitId: string; replyClass: string }[]; note?: string | null } = {}) {
  const input = releaseInput.parse(raw);
  return move(db, caller, id, 'release', async (m) => {
    for (const c of input.classes) {
      if (!m.settings.replyClasses.some((k) => k.code === c.replyClass)) throw new AppError(ProposalErrors['proposal.reply_class_unknown']);
    }
    const replies = (await repliesOf(m.uow.tx, caller.committeeId, id, m.row.round)).filter((r) => r.status === 'submitted');
    const changed: { unitId: string; from: string | null; to: string }[] = [];
    for (const r of replies) {
      const override = input.classes.find((c) => c.unitId === r.unitId)?.replyClass;
      if (override && override !== r.replyClass) changed.push({ unitId: r.unitId, from: r.replyClass, to: override });
      await setReplyStatus(m.uow.tx, caller.committeeId, r.id, 'released', { replyClass: override, reviewNote: input.note });
    }
    const leadUnit = m.assignments.find((a) => a.status === 'active' && (a.role === 'lead' || a.role === 'split'))?.unitId;
    const lead = replies.find((r) => r.unitId === leadUnit) ?? replies[0];
    const replyClass = input.classes.find((c) => c.unitId === lead?.unitId)?.replyClass ?? lead?.replyClass ?? null;
    await patchProposal(m.uow.tx, caller.committeeId, id, { replyClass, releasedAt: 'now' });
    const raters = [...new Set([...m.signers.filter((s) => s.status === 'first' || s.status === 'confirmed'), ...m.mergedSigners].map((s) => s.memberId))];
    return { after: { replyClass, changed }, payload: { replyClass, round: m.row.round, raters } };
  });
}
