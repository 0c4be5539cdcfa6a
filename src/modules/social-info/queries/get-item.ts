import { listAttachments, type AttachmentMeta } from '../../../platform/attachments.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { ATTACHMENT_KIND } from '../commands/text-rules.js';
import { SOURCE_LABELS, type SOURCE_KINDS } from '../contracts.js';
import { INFO_ACTIONS, INFO_STATES, type InfoAction } from '../domain/info-workflow.js';
import { check } from '../commands/move.js';
import { loadItem } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { findIssue, forwardsOf, memberNames, resultsOf, type ForwardRow, type ResultRow } from '../social-info.repository.js';

export interface ItemView {
  id: string;
  state: string;
  stateLabel: string;
  sourceKind: string;
  sourceLabel: string;
  sourceName: string | null;
  authors: { memberId: string; name: string }[];
  topicId: string | null;
  urgent: boolean;
  title: string;
  body: string;
  reason: string | null;
  mergedIntoId: string | null;
  issue: { id: string; periodicalName: string; year: number; number: number | null; status: string } | null;
  forwards: (ForwardRow & { results: ResultRow[] })[];
  /** Files the author attached (download: the platform attachments route). */
  attachments: AttachmentMeta[];
  dates: { submittedAt: string; publishedAt: string | null; updatedAt: string };
  /** The record the item was drafted from (a 群众诉求: `demands:demand:<id>`), with the demand's id for the link back. */
  origin: { ref: string; demandId: string | null } | null;
  /** What the caller may do now, from the workflow table. */
  abilities: Record<InfoAction, boolean>;
}

/** One item as the caller may see it (404 otherwise), with the caller's abilities. */
export async function getItem(db: Executor, caller: Caller, id: string): Promise<ItemView> {
  const l = await loadItem(db, caller, id);
  const { row } = l;
  const c = caller.committeeId;
  const names = await memberNames(db, c, row.memberIds);
  const issue = row.issueId ? await findIssue(db, c, row.issueId) : undefined;
  const forwards = await forwardsOf(db, c, id);
  const results = await resultsOf(db, c, id);
  const attachments = await listAttachments(db, c, ATTACHMENT_KIND, id);
  return {
    id: row.id, state: row.state, stateLabel: INFO_STATES[row.state], sourceKind: row.sourceKind,
    sourceLabel: SOURCE_LABELS[row.sourceKind as (typeof SOURCE_KINDS)[number]] ?? row.sourceKind, sourceName: row.sourceName,
    authors: row.memberIds.map((m) => ({ memberId: m, name: names.get(m) ?? '' })),
    topicId: row.topicId, urgent: row.urgent, title: row.title, body: row.body, reason: row.reason, mergedIntoId: row.mergedIntoId,
    issue: issue ? { id: issue.id, periodicalName: issue.periodicalName, year: issue.year, number: issue.number, status: issue.status } : null,
    forwards: forwards.map((f) => ({ ...f, results: results.filter((r) => r.forwardId === f.id) })),
    attachments,
    dates: { submittedAt: row.submittedAt, publishedAt: row.publishedAt, updatedAt: row.updatedAt },
    origin: row.sourceRef ? { ref: row.sourceRef, demandId: /^demands:demand:([0-9a-f-]{36})$/.exec(row.sourceRef)?.[1] ?? null } : null,
    abilities: Object.fromEntries(INFO_ACTIONS.map((a) => [a, check(l, a) === null])) as Record<InfoAction, boolean>,
  };
}
