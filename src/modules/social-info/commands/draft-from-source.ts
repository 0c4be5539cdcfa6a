import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import type { StoredEvent } from '../../../platform/events.js';
import { CONVERSION_REQUESTED, DRAFTED_FROM_SOURCE } from '../events.js';
import { activeMembers, insertDraftFromSource, insertVersion } from '../social-info.repository.js';
import { itemTokens } from './text-rules.js';

const system = { userId: null, label: 'system:social-info' };

/** The part of demands' conversion request this module reads (the demands module owns the shape). */
const request = z.object({
  target: z.string(),
  sourceRef: z.string().min(1).max(200),
  memberId: z.guid().nullable(),
  title: z.string(),
  content: z.string(),
  note: z.string().nullable().optional(),
});

/**
 * 群众诉求转社情民意: a conversion request becomes a draft item in the named member's name (the
 * member revises and sends it: action resubmit from draft), with the demand's matter as its text.
 * Delivered at least once, so keyed by the request's sourceRef (unique per committee): a second
 * delivery inserts nothing and emits nothing. The answer `social_info.drafted_from_source`
 * { sourceRef, id } is emitted in the same transaction as the draft. Requests for a proposal,
 * without a member, or naming a member who is not active here are skipped ('ignored'), not retried.
 */
export async function draftFromSource(db: Db, e: Pick<StoredEvent, 'type' | 'committeeId' | 'payload'>): Promise<'created' | 'unchanged' | 'ignored'> {
  if (e.type !== CONVERSION_REQUESTED) return 'ignored';
  const p = request.safeParse(e.payload);
  if (!p.success || p.data.target !== 'social_info' || !p.data.memberId) return 'ignored';
  const { sourceRef, memberId } = p.data;
  const { committeeId } = e;
  // Titles are at most 200 characters here; the demand's details (or its matter) are the body.
  const title = p.data.title.trim().slice(0, 200) || '群众诉求';
  const body = [p.data.content.trim() || p.data.title.trim(), p.data.note?.trim()].filter(Boolean).join('\n\n');
  return transact(db, system, async (uow) => {
    if (!(await activeMembers(uow.tx, committeeId, [memberId])).has(memberId)) return 'ignored';
    const id = await insertDraftFromSource(uow.tx, committeeId, sourceRef, {
      sourceKind: 'member', sourceName: null, memberIds: [memberId], topicId: null, urgent: false,
      title, body, tokens: itemTokens(title, body), createdBy: null,
    });
    if (!id) return 'unchanged';
    await insertVersion(uow.tx, committeeId, id, { kind: 'original', title, body, createdBy: null, createdByLabel: system.label });
    await uow.audit({ committeeId, action: 'social_info.draft_from_source', entity: 'social_info_item', entityId: id, after: { sourceRef, memberIds: [memberId], state: 'draft', title } });
    await uow.emit({ type: DRAFTED_FROM_SOURCE, committeeId, entityId: id, payload: { sourceRef, id } });
    return 'created';
  });
}
