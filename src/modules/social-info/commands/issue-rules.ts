import { AppError } from '../../../platform/errors.js';
import { PlatformErrors } from '../../../platform/errors.js';
import { ISSUE_STATUSES, type IssueStatus } from '../domain/info-workflow.js';
import { InfoErrors } from '../social-info.errors.js';
import { factsOf, type Caller } from '../social-info.policy.js';

/** Who may do what to an issue: the info office puts it together, the signing leader signs it, either releases it. */
export function requireRole(caller: Caller, who: 'editor' | 'signer' | 'editor_or_signer') {
  const f = factsOf(caller);
  const ok = who === 'editor' ? f.editor : who === 'signer' ? f.signer : f.editor || f.signer;
  if (!ok) throw new AppError(PlatformErrors['auth.forbidden']);
}

export function requireStatus(status: IssueStatus, wanted: IssueStatus, action: string, actionLabel: string) {
  if (status !== wanted) throw new AppError(InfoErrors['social_info.issue_status'], { status, statusLabel: ISSUE_STATUSES[status], action, actionLabel });
}
