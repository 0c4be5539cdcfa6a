import type { Db } from '../../../platform/db/database.js';
import { convertInput } from '../contracts.js';
import { patchProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** 转为意见建议: not a proposal, forwarded as a suggestion letter (to `forwardTo`, if named). */
export async function convertProposal(db: Db, caller: Caller, id: string, raw: { note?: string | null; forwardTo?: string | null } = {}) {
  const input = convertInput.parse(raw);
  return move(db, caller, id, 'convert', async ({ uow }) => {
    const note = [input.forwardTo ? `转${input.forwardTo}` : null, input.note].filter(Boolean).join('；') || null;
    await patchProposal(uow.tx, caller.committeeId, id, { decisionCode: 'converted', decisionNote: note });
    return { after: { forwardTo: input.forwardTo, note: input.note }, payload: { forwardTo: input.forwardTo } };
  });
}
