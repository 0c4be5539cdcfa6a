import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ISSUE_RELEASED_EVENT } from '../events.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findIssue, itemsOfIssue, nextIssueNumber, patchItem, setIssueReleased } from '../social-info.repository.js';
import { requireRole, requireStatus } from './issue-rules.js';
import { moveIn } from './move.js';
import { creditAuthors } from './credit-authors.js';
import { notifyAuthors, quoted } from './notify-authors.js';

/**
 * 印发: a signed issue gets the next number of its periodical and year (the counter row is
 * locked until commit: no gaps, no duplicates under concurrent releases) and every item in it
 * is published (刊发), each as a workflow move with its own event.
 */
export async function releaseIssue(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'editor_or_signer');
  return transact(db, caller.actor, async (uow) => {
    const { committeeId } = caller;
    const issue = await findIssue(uow.tx, committeeId, id, { lock: true });
    if (!issue) throw new AppError(InfoErrors['social_info.issue_not_found']);
    requireStatus(issue.status, 'signed', 'release', '印发');
    const number = await nextIssueNumber(uow.tx, committeeId, issue.periodicalId, issue.year);
    await setIssueReleased(uow.tx, committeeId, id, number);
    const items = await itemsOfIssue(uow.tx, committeeId, id);
    for (const item of items) {
      await moveIn(uow, caller, item.id, 'publish', async () => {
        await patchItem(uow.tx, committeeId, item.id, { publishedAt: 'now' });
        return {
          after: { issueId: id, number },
          payload: { title: item.title, issueId: id, periodicalName: issue.periodicalName, year: issue.year, number },
        };
      });
      await notifyAuthors(uow, caller, item, {
        step: 'published', title: `您报送的社情民意信息${quoted(item.title)}刊发于《${issue.periodicalName}》${issue.year}年第${number}期`,
      });
      await creditAuthors(uow, committeeId, {
        kind: 'social_info', sourceRef: `social-info:${item.id}:published`,
        title: `社情民意信息《${item.title}》刊发于${issue.periodicalName} ${issue.year} 年第 ${number} 期`, memberIds: item.memberIds,
      });
    }
    await uow.audit({ committeeId, action: 'social_info.issue_released', entity: 'social_info_issue', entityId: id, before: { status: 'signed' }, after: { status: 'released', number } });
    await uow.emit({
      type: ISSUE_RELEASED_EVENT, committeeId, entityId: id,
      payload: { issueId: id, periodicalId: issue.periodicalId, periodicalName: issue.periodicalName, year: issue.year, number, itemIds: items.map((i) => i.id) },
    });
    return { id, status: 'released' as const, number };
  });
}
