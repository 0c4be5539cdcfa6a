import { registerAttachmentOwner } from '../../platform/attachments.js';
import { SUPERVISION_ATTACHMENT_KIND } from './commands/supervise-proposal.js';
import { findKey, findSupervisionEvent } from './key.repository.js';
import { loadVisible } from './proposal.access.js';
import { callerOf } from '../../platform/http/route-kit.js';

/** The owner kind of a proposal's own files (research material, 不调研不提案). */
export const PROPOSAL_ATTACHMENT_KIND = 'proposal';

/** Returns false for the 404 of an invisible proposal (any other error propagates). */
async function sees(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'proposal.not_found') return false;
    throw e;
  }
}

/**
 * Who may read the files of proposals and of supervision events: exactly who may see the
 * proposal (a draft's files only its signers, a clerk only while it is assigned to the unit …);
 * the files of a supervision event also need the key proposal to be visible to the caller
 * (members and units see approved ones; the office and leaders every status).
 */
export function registerProposalAttachmentOwners() {
  registerAttachmentOwner(PROPOSAL_ATTACHMENT_KIND, (db, ctx, ownerId) => sees(() => loadVisible(db, callerOf(ctx), ownerId)));
  registerAttachmentOwner(SUPERVISION_ATTACHMENT_KIND, async (db, ctx, ownerId) => {
    const caller = callerOf(ctx);
    const event = await findSupervisionEvent(db, ctx.committeeId, ownerId);
    if (!event) return false;
    let insider = false;
    const ok = await sees(async () => {
      const l = await loadVisible(db, caller, event.proposalId);
      insider = l.facts.office || l.facts.oversight;
    });
    if (!ok) return false;
    if (insider) return true;
    return (await findKey(db, ctx.committeeId, event.proposalId))?.status === 'approved';
  });
}
