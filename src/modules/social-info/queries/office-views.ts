import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ISSUE_STATUSES } from '../domain/info-workflow.js';
import { InfoErrors } from '../social-info.errors.js';
import { factsOf, isAuthor, type Caller } from '../social-info.policy.js';
import { findIssue, itemsOfIssue, officerProgress } from '../social-info.repository.js';

/** Each officer's items per month of the year against the monthly quota. */
export async function officersProgress(db: Executor, caller: Caller, year: number) {
  const rows = await officerProgress(db, caller.committeeId, year);
  const byMember = new Map<string, { memberId: string; name: string; monthlyQuota: number; months: number[]; total: number; owed: number }>();
  for (const r of rows) {
    const o = byMember.get(r.memberId) ?? { memberId: r.memberId, name: r.name, monthlyQuota: r.monthlyQuota, months: new Array<number>(12).fill(0), total: 0, owed: 0 };
    if (r.month) { o.months[r.month - 1] += r.items; o.total += r.items; }
    byMember.set(r.memberId, o);
  }
  return {
    year,
    officers: [...byMember.values()].map((o) => ({ ...o, owed: o.monthlyQuota * 12, monthsMet: o.months.filter((n) => n >= o.monthlyQuota).length })),
  };
}

/** One issue with its items; members see only issues that carry one of their items. */
export async function getIssue(db: Executor, caller: Caller, id: string) {
  const issue = await findIssue(db, caller.committeeId, id);
  if (!issue) throw new AppError(InfoErrors['social_info.issue_not_found']);
  const items = await itemsOfIssue(db, caller.committeeId, id);
  const f = factsOf(caller);
  if (!f.oversight && !items.some((i) => isAuthor(caller, f, i))) throw new AppError(InfoErrors['social_info.issue_not_found']);
  return {
    ...issue, statusLabel: ISSUE_STATUSES[issue.status],
    items: items.map((i) => ({ id: i.id, title: i.title, state: i.state, urgent: i.urgent, sourceName: i.sourceName })),
  };
}
