import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { signOffInput } from '../contracts.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findIssue, patchItem } from '../social-info.repository.js';
import { move } from './move.js';

/** 送签: the edited item is placed in an issue being put together, to be signed off with it. */
export async function sendToSignOff(db: Db, caller: Caller, id: string, raw: { issueId: string }) {
  const { issueId } = signOffInput.parse(raw);
  return move(db, caller, id, 'send_to_sign_off', async ({ uow }) => {
    const issue = await findIssue(uow.tx, caller.committeeId, issueId, { lock: true });
    if (!issue) throw new AppError(InfoErrors['social_info.issue_not_found']);
    if (issue.status !== 'draft') throw new AppError(InfoErrors['social_info.issue_not_draft']);
    await patchItem(uow.tx, caller.committeeId, id, { issueId });
    return { after: { issueId }, payload: { issueId } };
  });
}
