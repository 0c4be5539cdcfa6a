import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { claimAttachments } from '../../../platform/attachments.js';
import { AppError } from '../../../platform/errors.js';
import { draftInput, type DraftInput } from '../contracts.js';
import { parseSettings } from '../domain/settings.js';
import { DRAFT_CREATED_EVENT } from '../events.js';
import { insertProposal, insertSigner, readSettings } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { draftRow } from './draft-content.js';

/**
 * A member starts a proposal (草稿). The member is its first signer (第一提案人); co-signers
 * named in a joint proposal are invited and count only once they confirm.
 */
export async function createDraft(db: Db, caller: Caller, raw: DraftInput): Promise<string> {
  const input = draftInput.parse(raw);
  const memberId = caller.grants.find((g) => g.role === 'member' && g.memberId)?.memberId;
  if (!memberId) throw new AppError(ProposalErrors['proposal.needs_member']);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const settings = parseSettings(await readSettings(uow.tx, committeeId));
    const { row, cosigners } = await draftRow(uow.tx, committeeId, input, settings, memberId);
    const id = await insertProposal(uow.tx, committeeId, { ...row, createdBy: caller.actor.userId });
    await insertSigner(uow.tx, committeeId, id, memberId, 1, 'first');
    for (const [i, m] of cosigners.entries()) await insertSigner(uow.tx, committeeId, id, m, i + 2, 'invited');
    await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds, ownerKind: 'proposal', ownerId: id, actorUserId: caller.actor.userId });
    await uow.audit({ committeeId, action: 'proposal.created', entity: 'proposal', entityId: id, after: { ...input, state: 'draft' } });
    await uow.emit({ type: DRAFT_CREATED_EVENT, committeeId, entityId: id, payload: { proposalId: id, memberId, invited: cosigners } });
    return id;
  });
}
