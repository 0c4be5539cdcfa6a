import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { PROPOSAL_STATES } from '../domain/proposal-workflow.js';
import { KeyErrors } from '../key.errors.js';
import { keyShortlistInput, type KeyShortlistInput } from '../key.contracts.js';
import { insertKey } from '../key.repository.js';
import { SHORTLISTABLE_STATES } from '../key.workflow.js';
import type { Caller } from '../proposals.policy.js';
import { keyMove } from './key-move.js';

/**
 * 重点提案遴选: the proposal office puts a filed proposal on the shortlist with its reason, for
 * approval by the chair's meeting (a leader) or by the office itself, as the committee's settings say.
 * A declined or revoked proposal may be shortlisted again.
 */
export async function shortlistKeyProposal(db: Db, caller: Caller, proposalId: string, raw: KeyShortlistInput) {
  const input = keyShortlistInput.parse(raw);
  return keyMove(db, caller, proposalId, 'shortlist', async ({ uow, row, key }) => {
    if (!SHORTLISTABLE_STATES.includes(row.state)) {
      throw new AppError(KeyErrors['proposal.key_not_shortlistable'], { state: row.state, stateLabel: PROPOSAL_STATES[row.state] });
    }
    if (!key) await insertKey(uow.tx, caller.committeeId, proposalId, { reason: input.reason, by: caller.actor.userId });
    const payload = { reason: input.reason, title: row.title, numberLabel: row.numberLabel };
    return {
      patch: key ? { reason: input.reason, shortlistedBy: caller.actor.userId, shortlistedAt: 'now', decisionNote: null, decidedBy: null, decidedAt: null } : {},
      after: { reason: input.reason }, payload,
    };
  });
}
