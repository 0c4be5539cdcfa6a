import type { Db } from '../../../platform/db/database.js';
import { syncAttachments } from '../../../platform/attachments.js';
import { draftPatch, type DraftPatch } from '../contracts.js';
import { deleteSigner, insertSigner, updateContent } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { draftRow } from './draft-content.js';
import { move } from './move.js';

/**
 * The proposer saves the draft (autosave included) or a returned proposal. Co-signers removed
 * from the list lose their invitation; new ones are invited; existing answers are kept. When
 * `attachmentIds` is sent it is the draft's whole file list: new uploads are bound, files left
 * out are deleted, in the same transaction.
 */
export async function updateDraft(db: Db, caller: Caller, id: string, raw: DraftPatch) {
  const patch = draftPatch.parse(raw);
  return move(db, caller, id, 'edit', async ({ uow, row, signers, settings }) => {
    const first = signers.find((s) => s.position === 1)!;
    const current = signers.filter((s) => s.position > 1);
    const fields = {
      title: patch.title ?? row.title,
      body: patch.body ?? row.body,
      category: patch.category ?? row.category,
      kind: (patch.kind ?? row.kind) as never,
      occasion: patch.occasion ?? row.occasion,
      sessionId: patch.sessionId === undefined ? row.sessionId : patch.sessionId,
      submitterName: patch.submitterName === undefined ? row.submitterName : patch.submitterName,
      researchBasis: patch.researchBasis === undefined ? row.researchBasis : patch.researchBasis,
      cosignerIds: patch.cosignerIds ?? current.map((s) => s.memberId),
    };
    const { row: next, cosigners } = await draftRow(uow.tx, caller.committeeId, fields, settings, first.memberId);
    await updateContent(uow.tx, caller.committeeId, id, next);
    // The form sends the draft's whole list: files left out are removed (absent: the files stay as they are).
    if (patch.attachmentIds) {
      await syncAttachments(uow.tx, { committeeId: caller.committeeId, ids: patch.attachmentIds, ownerKind: 'proposal', ownerId: id, actorUserId: caller.actor.userId });
    }
    const kept = new Set(cosigners);
    for (const s of current) if (!kept.has(s.memberId)) await deleteSigner(uow.tx, caller.committeeId, id, s.memberId);
    let position = Math.max(1, ...current.map((s) => s.position));
    const invited: string[] = [];
    for (const m of cosigners) {
      if (current.some((s) => s.memberId === m)) continue;
      await insertSigner(uow.tx, caller.committeeId, id, m, ++position, 'invited');
      invited.push(m);
    }
    return { before: { title: row.title }, after: { ...patch }, payload: { invited } };
  });
}
