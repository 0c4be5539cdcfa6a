import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { ListQuery } from '../contracts.js';
import { PROPOSAL_STATES, type ProposalState } from '../domain/proposal-workflow.js';
import { visibleSql } from '../proposal.access.js';
import type { Caller } from '../proposals.policy.js';
import { listProposals } from '../search.repository.js';

/**
 * Proposals the caller may see, filtered and paged. `mine=true` narrows to the caller's own
 * (as signer, or assigned to the caller's unit).
 */
export async function listVisibleProposals(db: Executor, caller: Caller, q: ListQuery) {
  const res = await listProposals(db, caller.committeeId, q, visibleSql(caller, { mine: q.mine === 'true' }));
  return { items: res.items.map((r) => ({ ...r, stateLabel: PROPOSAL_STATES[r.state as ProposalState] })), total: res.total };
}
