import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { issueInput } from '../contracts.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findPeriodical, insertIssue } from '../social-info.repository.js';
import { requireRole } from './issue-rules.js';

/** The info office starts an issue of a periodical for a year; it is numbered only when released. */
export async function createIssue(db: Db, caller: Caller, raw: { periodicalId: string; year: number; title?: string }): Promise<string> {
  const input = issueInput.parse(raw);
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    if (!(await findPeriodical(uow.tx, caller.committeeId, input.periodicalId))) throw new AppError(InfoErrors['social_info.periodical_not_found']);
    const id = await insertIssue(uow.tx, caller.committeeId, input);
    await uow.audit({ committeeId: caller.committeeId, action: 'social_info.issue_created', entity: 'social_info_issue', entityId: id, after: input });
    return id;
  });
}
