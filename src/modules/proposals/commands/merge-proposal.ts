import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { mergeInput } from '../contracts.js';
import type { ProposalState } from '../domain/proposal-workflow.js';
import { MERGED_CREDIT_EVENT, type MergedCreditPayload } from '../events.js';
import { findProposal, mergedInto, patchProposal } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { creditedMembers, move } from './move.js';

/** A master must be filed and not yet answered, so that the merged proposers get its reply. */
const MASTER_STATES: readonly ProposalState[] = ['filed', 'assigned', 'objected', 'handling'];

/**
 * 并案: the proposal is handled together with a filed master and takes a composite number
 * ("第133并2号"). Its proposers stay proposers: they see and rate the master's reply, and
 * `proposals.merged_credit` credits them as for a filed proposal.
 */
export async function mergeProposal(db: Db, caller: Caller, id: string, raw: { masterId: string; note?: string | null }) {
  const input = mergeInput.parse(raw);
  return move(db, caller, id, 'merge', async ({ uow, signers, row }) => {
    if (input.masterId === id) throw new AppError(ProposalErrors['proposal.merge_target_invalid']);
    // Locks the master: merges into one master are numbered one after another.
    const master = await findProposal(uow.tx, caller.committeeId, input.masterId, { lock: true });
    if (!master || master.mergedIntoId || !MASTER_STATES.includes(master.state) || master.number === null) {
      throw new AppError(ProposalErrors['proposal.merge_target_invalid']);
    }
    const seq = (await mergedInto(uow.tx, caller.committeeId, master.id)).length + 1;
    const numberLabel = `第${master.number}并${seq}号`;
    await patchProposal(uow.tx, caller.committeeId, id, {
      mergedIntoId: master.id, mergeSeq: seq, numberLabel, decisionCode: 'merged', decisionNote: input.note, filedAt: 'now',
    });
    const credit: MergedCreditPayload = {
      proposalId: id, masterId: master.id, numberLabel, sessionId: row.sessionId, members: creditedMembers(signers),
    };
    return {
      after: { masterId: master.id, numberLabel },
      payload: { masterId: master.id, numberLabel },
      events: [{ type: MERGED_CREDIT_EVENT, committeeId: caller.committeeId, entityId: id, payload: credit }],
    };
  });
}
