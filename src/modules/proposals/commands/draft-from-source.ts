import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { StoredEvent } from '../../../platform/events.js';
import { parseSettings } from '../domain/settings.js';
import { CONVERSION_REQUESTED, DRAFTED_FROM_SOURCE } from '../events.js';
import { activeMembers, insertProposalFromSource, insertSigner, readSettings } from '../proposal.repository.js';
import { draftRow } from './draft-content.js';

const system = { userId: null, label: 'system:proposals' };

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
 * 群众诉求转提案: a conversion request becomes a draft proposal (草稿) with the named member as its
 * first signer and the demand's matter as its text; the member revises and submits it as any draft.
 * It is an individual proposal between sessions (平时提案) in the committee's last (catch-all)
 * category, checked like any draft. Delivered at least once, so keyed by the request's sourceRef
 * (unique per committee): a second delivery inserts nothing and emits nothing. The answer
 * `proposals.drafted_from_source` { sourceRef, id } is emitted in the same transaction as the draft.
 * Requests for a 社情民意 item, without a member, naming an inactive member, or that the
 * committee's rules refuse are skipped ('ignored'), not retried.
 */
export async function draftFromSource(db: Db, e: Pick<StoredEvent, 'type' | 'committeeId' | 'payload'>): Promise<'created' | 'unchanged' | 'ignored'> {
  if (e.type !== CONVERSION_REQUESTED) return 'ignored';
  const p = request.safeParse(e.payload);
  if (!p.success || p.data.target !== 'proposal' || !p.data.memberId) return 'ignored';
  const { sourceRef, memberId } = p.data;
  const { committeeId } = e;
  const title = p.data.title.trim().slice(0, 200) || '群众诉求';
  const body = [p.data.content.trim() || p.data.title.trim(), p.data.note?.trim()].filter(Boolean).join('\n\n');
  try {
    return await transact(db, system, async (uow) => {
      if (!(await activeMembers(uow.tx, committeeId, [memberId])).length) return 'ignored';
      const settings = parseSettings(await readSettings(uow.tx, committeeId));
      const { row } = await draftRow(uow.tx, committeeId, {
        title, body, kind: 'individual', occasion: 'between_sessions', submitterName: null, researchBasis: null, cosignerIds: [],
      }, settings, memberId);
      const id = await insertProposalFromSource(uow.tx, committeeId, sourceRef, { ...row, createdBy: null });
      if (!id) return 'unchanged';
      await insertSigner(uow.tx, committeeId, id, memberId, 1, 'first');
      await uow.audit({ committeeId, action: 'proposal.draft_from_source', entity: 'proposal', entityId: id, after: { sourceRef, memberId, state: 'draft', title } });
      await uow.emit({ type: DRAFTED_FROM_SOURCE, committeeId, entityId: id, payload: { sourceRef, id } });
      return 'created' as const;
    });
  } catch (err) {
    // A rule of this committee refuses the draft: retrying would refuse it again.
    if (err instanceof AppError) return 'ignored';
    throw err;
  }
}
