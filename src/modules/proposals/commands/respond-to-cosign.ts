import type { Db } from '../../../platform/db/database.js';
import { cosignInput } from '../contracts.js';
import { setSignerStatus } from '../proposal.repository.js';
import { factsOf, type Caller } from '../proposals.policy.js';
import { move } from './move.js';

/** An invited member confirms (确认联名) or declines a joint proposal before it is submitted. */
export async function respondToCosign(db: Db, caller: Caller, id: string, raw: { accept: boolean }) {
  const { accept } = cosignInput.parse(raw);
  const mine = factsOf(caller).memberIds;
  return move(db, caller, id, accept ? 'confirm_cosign' : 'decline_cosign', async ({ uow, signers }) => {
    const me = signers.find((s) => s.position > 1 && mine.has(s.memberId))!;
    await setSignerStatus(uow.tx, caller.committeeId, id, me.memberId, accept ? 'confirmed' : 'declined');
    return { before: { signer: me.status }, after: { signer: accept ? 'confirmed' : 'declined' }, payload: { memberId: me.memberId } };
  });
}
