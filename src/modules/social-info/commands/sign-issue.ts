import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ISSUE_SIGNED_EVENT } from '../events.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findIssue, itemsOfIssue, setIssueSigned } from '../social-info.repository.js';
import { requireRole, requireStatus } from './issue-rules.js';

/** 签发: the signing leader signs the issue off with the items in it. */
export async function signIssue(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'signer');
  return transact(db, caller.actor, async (uow) => {
    const issue = await findIssue(uow.tx, caller.committeeId, id, { lock: true });
    if (!issue) throw new AppError(InfoErrors['social_info.issue_not_found']);
    requireStatus(issue.status, 'draft', 'sign', '签发');
    const items = await itemsOfIssue(uow.tx, caller.committeeId, id);
    if (!items.length) throw new AppError(InfoErrors['social_info.issue_empty']);
    await setIssueSigned(uow.tx, caller.committeeId, id, caller.actor);
    await uow.audit({ committeeId: caller.committeeId, action: 'social_info.issue_signed', entity: 'social_info_issue', entityId: id, before: { status: 'draft' }, after: { status: 'signed' } });
    await uow.emit({ type: ISSUE_SIGNED_EVENT, committeeId: caller.committeeId, entityId: id, payload: { issueId: id, itemIds: items.map((i) => i.id) } });
    return { id, status: 'signed' as const };
  });
}
