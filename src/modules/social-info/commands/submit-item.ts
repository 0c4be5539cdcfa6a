import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { claimAttachments } from '../../../platform/attachments.js';
import { AppError } from '../../../platform/errors.js';
import { submitInput, type SubmitInput } from '../contracts.js';
import { parseInfoSettings } from '../domain/settings.js';
import { SUBMITTED_EVENT, type SubmittedPayload } from '../events.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { activeMembers, activeTopic, insertItem, insertVersion, isOfficer, readInfoSettings } from '../social-info.repository.js';
import { ATTACHMENT_KIND, checkLength, itemTokens } from './text-rules.js';
import { chinaYear } from '../../../platform/time.js';

/**
 * An item is submitted (报送): by a member or information officer (the caller's member is the
 * lead author, `memberIds` join as co-authors), or by staff for an organisation, sector,
 * special committee or liaison station (`sourceName`; `memberIds` optional). The text becomes
 * version 1, the author's original, which is never changed.
 */
export async function submitItem(db: Db, caller: Caller, raw: SubmitInput): Promise<string> {
  const input = submitInput.parse(raw);
  const { committeeId } = caller;
  const own = caller.grants.find((g) => g.role === 'member' && g.memberId)?.memberId ?? null;
  const personal = input.sourceKind === 'member' || input.sourceKind === 'officer';
  const memberIds = [...new Set([...(personal && own ? [own] : []), ...input.memberIds])];
  if (personal && !memberIds.length) throw new AppError(InfoErrors['social_info.author_required']);
  if (!personal && !input.sourceName) throw new AppError(InfoErrors['social_info.source_name_required']);
  return transact(db, caller.actor, async (uow) => {
    const settings = parseInfoSettings(await readInfoSettings(uow.tx, committeeId));
    checkLength(input.body, settings);
    const known = await activeMembers(uow.tx, committeeId, memberIds);
    if (memberIds.some((m) => !known.has(m))) throw new AppError(InfoErrors['social_info.member_unknown']);
    // 信息员: the lead author must hold this year's appointment (China time).
    const year = chinaYear();
    if (input.sourceKind === 'officer' && !(await isOfficer(uow.tx, committeeId, memberIds[0], year))) throw new AppError(InfoErrors['social_info.not_an_officer']);
    if (input.topicId && !(await activeTopic(uow.tx, committeeId, input.topicId))) throw new AppError(InfoErrors['social_info.topic_unknown']);
    const id = await insertItem(uow.tx, committeeId, {
      sourceKind: input.sourceKind, sourceName: input.sourceName, memberIds, topicId: input.topicId, urgent: input.urgent,
      title: input.title, body: input.body, tokens: itemTokens(input.title, input.body), createdBy: caller.actor.userId,
    });
    await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds, ownerKind: ATTACHMENT_KIND, ownerId: id, actorUserId: caller.actor.userId });
    await insertVersion(uow.tx, committeeId, id, { kind: 'original', title: input.title, body: input.body, createdBy: caller.actor.userId, createdByLabel: caller.actor.label });
    await uow.audit({ committeeId, action: 'social_info.submit', entity: 'social_info_item', entityId: id, after: { ...input, memberIds, state: 'submitted' } });
    const payload: SubmittedPayload = {
      itemId: id, action: 'submit', from: null, to: 'submitted', memberIds, title: input.title, sourceKind: input.sourceKind, urgent: input.urgent,
    };
    await uow.emit({ type: SUBMITTED_EVENT, committeeId, entityId: id, payload });
    return id;
  });
}
