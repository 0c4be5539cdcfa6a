import type { Db } from '../../../platform/db/database.js';
import { noteInput, reasonInput } from '../contracts.js';
import type { Caller } from '../proposals.policy.js';
import { move } from './move.js';
import { startNewRound } from './rehandle-proposal.js';

/** 续办: an unresolved matter is carried into next year's handling. */
export async function carryOverProposal(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return move(db, caller, id, 'carry_over', async () => ({ after: { reason }, payload: { reason } }));
}

/** Handling of a carried-over proposal resumes in a new round with a full deadline. */
export async function resumeProposal(db: Db, caller: Caller, id: string, raw: { note?: string | null } = {}) {
  const { note } = noteInput.parse(raw);
  return move(db, caller, id, 'resume', async (m) => {
    const next = await startNewRound(m, m.settings.deadlineMonths, note);
    return { after: { ...next, note }, payload: next };
  });
}
