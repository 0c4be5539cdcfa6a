import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { distinct } from '../../../platform/text/index.js';
import { checkFormat } from '../domain/format-check.js';
import { lapseUnconfirmed, patchProposal, signersOf } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';
import type { Caller } from '../proposals.policy.js';
import { applyDocumentFrequencies } from '../search.repository.js';
import { creditedMembers, move } from './move.js';

/**
 * The proposer submits (提交). The format limits must hold; co-signers who have not confirmed
 * by now no longer count (lapsed); a joint proposal needs at least one confirmed co-signer.
 * The proposal's words join the committee's statistics for duplicate detection.
 */
export async function submitProposal(db: Db, caller: Caller, id: string) {
  return move(db, caller, id, 'submit', async ({ uow, row, signers, settings }) => {
    const check = checkFormat(row, settings);
    if (check.errors.length) {
      throw new AppError(ProposalErrors['proposal.format_errors'], { summary: check.errors.map((e) => e.message).join('；') }, check);
    }
    if (row.kind === 'joint' && !signers.some((s) => s.status === 'confirmed')) throw new AppError(ProposalErrors['proposal.joint_needs_cosigner']);
    await lapseUnconfirmed(uow.tx, caller.committeeId, id);
    const words = distinct(row.tokens);
    const counted = new Set(row.dfTokens ?? []);
    const now = new Set(words);
    await applyDocumentFrequencies(
      uow.tx, caller.committeeId,
      [...counted].filter((t) => !now.has(t)), words.filter((t) => !counted.has(t)), row.dfTokens ? 0 : 1,
    );
    await patchProposal(uow.tx, caller.committeeId, id, { dfTokens: words, submittedAt: 'now' });
    const members = creditedMembers(await signersOf(uow.tx, caller.committeeId, [id]));
    return {
      after: { warnings: check.warnings.map((w) => w.code) },
      payload: { kind: row.kind, occasion: row.occasion, sessionId: row.sessionId, title: row.title, members },
    };
  });
}
