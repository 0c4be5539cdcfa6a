import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { AppError } from '../../platform/errors.js';
import type { ProposalActor } from './domain/proposal-workflow.js';
import { assignmentsOf, type AssignmentRow } from './handling.repository.js';
import { actorsFor, canSee, factsOf, PUBLIC_STATE_LIST, type Caller, type CallerFacts } from './proposals.policy.js';
import { findProposal, mergedSigners, signersOf, type ProposalRow, type SignerRow } from './proposal.repository.js';
import { ProposalErrors } from './proposals.errors.js';

/** A proposal as the caller may see it, with the relations that decide what the caller may do. */
export interface Loaded {
  row: ProposalRow;
  signers: SignerRow[];
  mergedSigners: SignerRow[];
  assignments: AssignmentRow[];
  facts: CallerFacts;
  actors: Set<ProposalActor>;
}

/** Loads one proposal of the caller's committee (locked with `lock`); 404 when absent or not visible to the caller. */
export async function loadVisible(db: Executor, caller: Caller, id: string, opts: { lock?: boolean } = {}): Promise<Loaded> {
  const row = await findProposal(db, caller.committeeId, id, opts);
  if (!row) throw new AppError(ProposalErrors['proposal.not_found']);
  // One after another: inside a transaction the queries share one connection.
  const signers = await signersOf(db, caller.committeeId, [id]);
  const merged = await mergedSigners(db, caller.committeeId, id);
  const assignments = await assignmentsOf(db, caller.committeeId, id);
  const facts = factsOf(caller);
  const rel = { state: row.state, signers, mergedSignerIds: merged.map((s) => s.memberId), assignments };
  if (!canSee(facts, rel)) throw new AppError(ProposalErrors['proposal.not_found']);
  return { row, signers, mergedSigners: merged, assignments, facts, actors: actorsFor(facts, rel) };
}

/**
 * The same visibility rule as canSee, as SQL over `proposals p`, for lists and searches.
 * With `mine`, only the caller's own: proposals they sign and those assigned to their unit.
 */
export function visibleSql(caller: Caller, opts: { mine?: boolean } = {}): SQL {
  const f = factsOf(caller);
  const members = JSON.stringify([...f.memberIds]);
  const units = JSON.stringify([...f.unitIds]);
  const isSigner = sql`exists (select 1 from proposal_signers s where s.committee_id = p.committee_id
      and s.member_id in (select jsonb_array_elements_text(${members}::jsonb)::uuid)
      and (s.proposal_id = p.id or s.proposal_id in (select m.id from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id)))`;
  const parts: SQL[] = [];
  if (f.memberIds.size) parts.push(isSigner);
  if (opts.mine) {
    // only the signer and unit parts below
  } else if (f.office || f.oversight) parts.push(sql`p.state <> 'draft'`);
  else if (f.memberIds.size) parts.push(sql`p.state in (select jsonb_array_elements_text(${JSON.stringify(PUBLIC_STATE_LIST)}::jsonb))`);
  if (f.unitIds.size) {
    parts.push(sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
      and a.status in ('active', 'objected') and a.unit_id in (select jsonb_array_elements_text(${units}::jsonb)::uuid))`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
