import type { Db } from '../../../platform/db/database.js';
import { claimAttachments } from '../../../platform/attachments.js';
import { resubmitInput } from '../contracts.js';
import type { Caller } from '../social-info.policy.js';
import { insertVersion, patchItem } from '../social-info.repository.js';
import { move } from './move.js';
import { ATTACHMENT_KIND, checkLength, itemTokens } from './text-rules.js';

/** 重新报送: the author revises a returned item and sends it again; a revised text is a new version. */
export async function resubmitItem(db: Db, caller: Caller, id: string, raw: { title?: string; body?: string; attachmentIds?: string[] } = {}) {
  const input = resubmitInput.parse(raw);
  return move(db, caller, id, 'resubmit', async ({ uow, row, settings }) => {
    const title = input.title ?? row.title;
    const body = input.body ?? row.body;
    checkLength(body, settings);
    let version: number | null = null;
    if (title !== row.title || body !== row.body) {
      version = await insertVersion(uow.tx, caller.committeeId, id, {
        kind: 'resubmission', title, body, createdBy: caller.actor.userId, createdByLabel: caller.actor.label,
      });
    }
    await claimAttachments(uow.tx, { committeeId: caller.committeeId, ids: input.attachmentIds, ownerKind: ATTACHMENT_KIND, ownerId: id, actorUserId: caller.actor.userId });
    await patchItem(uow.tx, caller.committeeId, id, { title, body, tokens: itemTokens(title, body), reason: null, submittedAt: 'now' });
    return { after: { version }, payload: { title, sourceKind: row.sourceKind, urgent: row.urgent } };
  });
}
