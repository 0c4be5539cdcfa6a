import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { replyInput, type ReplyInput } from '../contracts.js';
import { repliesOf, upsertReplyDraft } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import { factsOf, type Caller } from '../proposals.policy.js';
import { move, type MoveContext } from './move.js';

/** The caller's answering assignment: the lead unit, or the caller's unit in 分办. */
export function myAnsweringUnit(m: Pick<MoveContext, 'assignments'>, caller: Caller): string {
  const units = factsOf(caller).unitIds;
  return m.assignments.find((a) => a.status === 'active' && (a.role === 'lead' || a.role === 'split') && units.has(a.unitId))!.unitId;
}

/**
 * The answering unit drafts its reply (答复): class, public flag, signing leader (签发人),
 * contact person and phone, document number, text, and the date it contacted the proposer
 * (办前面商). Saving again overwrites the draft; a reply sent back becomes a draft again.
 */
export async function saveReply(db: Db, caller: Caller, id: string, raw: ReplyInput) {
  const input = replyInput.parse(raw);
  return move(db, caller, id, 'save_reply', async (m) => {
    const unitId = myAnsweringUnit(m, caller);
    if (input.replyClass && !m.settings.replyClasses.some((c) => c.code === input.replyClass)) {
      throw new AppError(ProposalErrors['proposal.reply_class_unknown']);
    }
    const prev = (await repliesOf(m.uow.tx, caller.committeeId, id, m.row.round)).find((r) => r.unitId === unitId);
    const pick = <K extends keyof typeof input>(k: K, fallback: unknown) => (input[k] === undefined ? fallback : input[k]);
    const fields = {
      replyClass: pick('replyClass', prev?.replyClass ?? null) as string | null,
      isPublic: pick('isPublic', prev?.isPublic ?? true) as boolean,
      signer: pick('signer', prev?.signer ?? null) as string | null,
      contactPerson: pick('contactPerson', prev?.contactPerson ?? null) as string | null,
      contactPhone: pick('contactPhone', prev?.contactPhone ?? null) as string | null,
      docNumber: pick('docNumber', prev?.docNumber ?? null) as string | null,
      body: pick('body', prev?.body ?? '') as string,
      contactedOn: pick('contactedOn', prev?.contactedOn ?? null) as string | null,
    };
    await upsertReplyDraft(m.uow.tx, caller.committeeId, id, unitId, m.row.round, fields);
    return { after: { unitId, round: m.row.round, replyClass: fields.replyClass, isPublic: fields.isPublic }, payload: { unitId } };
  });
}
