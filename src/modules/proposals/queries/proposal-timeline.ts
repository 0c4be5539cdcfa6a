import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { PROPOSAL_STATES, PROPOSAL_TRANSITIONS, type ProposalAction } from '../domain/proposal-workflow.js';
import { loadVisible } from '../proposal.access.js';
import type { Caller } from '../proposals.policy.js';

export interface TimelineEntry {
  /** ISO instant (UTC) of the move; the client shows it in China time. */
  at: string;
  action: ProposalAction | 'created';
  label: string;
  labelEn: string;
  fromState: string | null;
  toState: string | null;
  toStateLabel: string | null;
  /** The acting user's display name; null for moves made by the system or the demo seed. */
  actorName: string | null;
}

/** Draft saves are not steps of the handling: the proposer's edits and a unit's saved reply drafts. */
const NOT_STEPS = new Set(['proposal.edit', 'proposal.save_reply']);

/**
 * 办理过程: every move of the proposal, read from its audit rows (each move writes one in its own
 * transaction, so nothing the workflow did is missing), ordered by the instant and the committee's
 * audit sequence — not rebuilt from the dates the proposal keeps, which lost 签收 and 提交答复 and
 * mixed dates with instants (交办 sorted after 评价). Visible exactly as the proposal (404 otherwise).
 */
export async function proposalTimeline(db: Executor, caller: Caller, id: string): Promise<{ items: TimelineEntry[] }> {
  await loadVisible(db, caller, id);
  const { rows } = await db.execute<{ at: string; action: string; fromState: string | null; toState: string | null; actorName: string | null }>(sql`
    select to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, a.action,
           a.before->>'state' as "fromState", a.after->>'state' as "toState", u.display_name as "actorName"
      from audit_log a left join users u on u.id = a.actor_user_id
     where a.committee_id = ${caller.committeeId} and a.entity = 'proposal' and a.entity_id = ${id}
       and (a.action like 'proposal.%')
     order by a.at, a.seq`);
  const items: TimelineEntry[] = [];
  for (const r of rows) {
    if (NOT_STEPS.has(r.action)) continue;
    const action = r.action.slice('proposal.'.length);
    const tr = (PROPOSAL_TRANSITIONS as Record<string, { label: string; labelEn?: string }>)[action];
    if (!tr && action !== 'created') continue;
    items.push({
      at: r.at,
      action: action as TimelineEntry['action'],
      label: tr ? tr.label : '创建草稿',
      labelEn: tr ? tr.labelEn ?? action.replace(/_/g, ' ') : 'draft created',
      fromState: r.fromState,
      toState: r.toState,
      toStateLabel: r.toState ? (PROPOSAL_STATES as Record<string, string>)[r.toState] ?? null : null,
      actorName: r.actorName,
    });
  }
  return { items };
}
