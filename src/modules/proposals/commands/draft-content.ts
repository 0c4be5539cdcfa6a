import { AppError } from '../../../platform/errors.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { matchTokens } from '../domain/matching.js';
import type { ProposalSettings } from '../domain/settings.js';
import type { PROPOSAL_KINDS } from '../contracts.js';
import { activeMembers, currentSession, sessionById, type NewProposal } from '../proposal.repository.js';
import { ProposalErrors } from '../proposals.errors.js';

export interface DraftFields {
  title: string;
  body: string;
  category?: string;
  kind: (typeof PROPOSAL_KINDS)[number];
  occasion: 'plenary' | 'between_sessions';
  sessionId?: string | null;
  submitterName: string | null;
  researchBasis: string | null;
  cosignerIds: string[];
}

/** Checks a draft's content against the committee's data and settings; returns the row to store. */
export async function draftRow(db: Executor, committeeId: string, f: DraftFields, settings: ProposalSettings, firstSignerId: string) {
  const category = f.category ?? settings.categories[settings.categories.length - 1];
  if (!settings.categories.includes(category)) throw new AppError(ProposalErrors['proposal.category_unknown'], { category });
  let termId: string | null;
  let sessionId: string | null;
  if (f.sessionId) {
    const s = await sessionById(db, committeeId, f.sessionId);
    if (!s) throw new AppError(ProposalErrors['proposal.session_unknown']);
    [termId, sessionId] = [s.termId, s.id];
  } else {
    const cur = await currentSession(db, committeeId);
    [termId, sessionId] = [cur.termId, cur.session?.id ?? null];
  }
  const groupKind = f.kind === 'party_group' || f.kind === 'sector' || f.kind === 'special_committee';
  if (groupKind && !f.submitterName) throw new AppError(ProposalErrors['proposal.submitter_required']);
  const cosigners = [...new Set(f.cosignerIds)];
  if (f.kind === 'individual' && cosigners.length) throw new AppError(ProposalErrors['proposal.individual_has_cosigners']);
  if (cosigners.includes(firstSignerId) || (await activeMembers(db, committeeId, cosigners)).length !== cosigners.length) {
    throw new AppError(ProposalErrors['proposal.cosigner_unknown']);
  }
  const tokens = matchTokens(f.title, f.body);
  const row: Omit<NewProposal, 'createdBy'> = {
    termId, sessionId, occasion: f.occasion, kind: f.kind, submitterName: groupKind ? f.submitterName : null, title: f.title,
    body: f.body, category, researchBasis: f.researchBasis, tokens: tokens.tokens, titleTokens: tokens.titleTokens,
  };
  return { row, cosigners };
}
