import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { noteInput } from '../contracts.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findIssue, patchItem } from '../social-info.repository.js';
import { move } from './move.js';

/** 退回编辑: the item leaves its (still unsigned) issue and goes back to editing. */
export async function sendBack(db: Db, caller: Caller, id: string, raw: { note?: string | null } = {}) {
  const { note } = noteInput.parse(raw);
  return move(db, caller, id, 'send_back', async ({ uow, row }) => {
    if (row.issueId) {
      const issue = await findIssue(uow.tx, caller.committeeId, row.issueId, { lock: true });
      if (issue && issue.status !== 'draft') throw new AppError(InfoErrors['social_info.issue_not_draft']);
    }
    await patchItem(uow.tx, caller.committeeId, id, { issueId: null });
    return { before: { issueId: row.issueId }, payload: { note } };
  });
}
