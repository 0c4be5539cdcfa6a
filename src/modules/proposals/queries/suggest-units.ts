import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { matchTokens, type MatchTokens } from '../domain/matching.js';
import { prepareUnits, suggestUnits, type UnitScore } from '../domain/unit-suggestion.js';
import { activeUnits } from '../handling.repository.js';
import { leadUnitsOf } from '../search.repository.js';
import { rankSimilar } from './similar-proposals.js';

/** Past proposals at least this similar vote for their lead unit. */
const HISTORY_MIN_SIMILARITY = 0.15;

/**
 * Suggested handling units for a proposal or a text: the committee's active units ranked by
 * their duties (职能) and by the lead units of the most similar past proposals.
 */
export async function suggestUnitsFor(
  db: Executor, committeeId: string, subject: string | MatchTokens, opts: { limit?: number; excludeId?: string } = {},
): Promise<UnitScore[]> {
  const tokens = typeof subject === 'string' ? matchTokens('', subject) : subject;
  const units = await activeUnits(db, committeeId);
  if (!units.length) return [];
  const similar = (await rankSimilar(db, committeeId, tokens, { visible: sql`p.state <> 'draft'`, excludeId: opts.excludeId, limit: 10 }))
    .filter((s) => s.score >= HISTORY_MIN_SIMILARITY);
  const leads = await leadUnitsOf(db, committeeId, similar.map((s) => s.id));
  const history = similar.filter((s) => leads.has(s.id)).slice(0, 5).map((s) => ({ leadUnitId: leads.get(s.id)!, similarity: s.score }));
  return suggestUnits(tokens, prepareUnits(units), history, { limit: opts.limit ?? 3 });
}
