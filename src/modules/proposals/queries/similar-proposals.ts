import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { distinct, idfFor } from '../../../platform/text/index.js';
import { matchTokens, rankBySimilarity, type MatchTokens } from '../domain/matching.js';
import { parseSettings } from '../domain/settings.js';
import { PROPOSAL_STATES, type ProposalState } from '../domain/proposal-workflow.js';
import { loadVisible, visibleSql } from '../proposal.access.js';
import { currentSession, readSettings, sessionNames } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { candidatesSharing, documentFrequencies } from '../search.repository.js';

/** How many query words retrieve candidates, and how many candidates are re-ranked. */
const RETRIEVAL_WORDS = 24;
const CANDIDATES = 150;
/**
 * First pass: candidates must hold two of the query's PAIR_WORDS rarest words. Only when that
 * finds fewer than PAIR_ENOUGH (a young committee, a short text) does one shared word of the
 * RETRIEVAL_WORDS suffice. Measured in `npm run bench` (part proposals): at 1,000,000 stored
 * proposals the one-word pass read and sorted a large committee's whole topic.
 */
const PAIR_WORDS = 8;
const PAIR_ENOUGH = 5;
/** Words in more than this share of a committee's proposals do not retrieve (they would fetch most of the table). */
const COMMON_SHARE = 0.3;

export interface RankedProposal {
  id: string;
  title: string;
  numberLabel: string | null;
  state: ProposalState;
  score: number;
}

/**
 * Similar proposals of the committee (all sessions), best first: candidates share two of the
 * query's rarest words (or, failing enough of those, one; GIN index on tokens), then TF-IDF
 * cosine re-ranks them with the committee's document frequencies (domain/matching.ts).
 */
export async function rankSimilar(
  db: Executor, committeeId: string, query: MatchTokens, opts: { visible: SQL; excludeId?: string; limit: number },
): Promise<(RankedProposal & { sessionId: string | null })[]> {
  const words = distinct(query.tokens);
  const first = await documentFrequencies(db, committeeId, words);
  const share = (w: string) => (first.df.get(w) ?? 0) / Math.max(first.n, 1);
  const idf0 = idfFor({ n: first.n, df: (w) => first.df.get(w) ?? 0 });
  const retrieval = words.filter((w) => first.n < 50 || share(w) <= COMMON_SHARE).sort((a, b) => idf0(b) - idf0(a)).slice(0, RETRIEVAL_WORDS);
  const base = { visible: opts.visible, excludeId: opts.excludeId, limit: CANDIDATES };
  let candidates = retrieval.length > 2 ? await candidatesSharing(db, committeeId, retrieval, { ...base, pairsOf: retrieval.slice(0, PAIR_WORDS) }) : [];
  if (candidates.length < PAIR_ENOUGH) candidates = await candidatesSharing(db, committeeId, retrieval, base);
  if (!candidates.length) return [];
  const all = await documentFrequencies(db, committeeId, distinct([...words, ...candidates.flatMap((c) => c.tokens)]));
  const idf = idfFor({ n: all.n, df: (w) => all.df.get(w) ?? 0 });
  return rankBySimilarity(query, candidates, idf, opts.limit).map(({ item, score }) => ({
    id: item.id, title: item.title, numberLabel: item.numberLabel, state: item.state as ProposalState, sessionId: item.sessionId, score,
  }));
}

export interface SimilarResult {
  threshold: number;
  items: (RankedProposal & { stateLabel: string; sessionName: string | null; currentSession: boolean; likelyDuplicate: boolean })[];
}

async function present(db: Executor, committeeId: string, ranked: Awaited<ReturnType<typeof rankSimilar>>): Promise<SimilarResult> {
  // Independent reads: sent together (on a pool they run side by side; in a transaction they queue on its connection).
  const [rawSettings, names, cur] = await Promise.all([
    readSettings(db, committeeId),
    sessionNames(db, committeeId, distinct(ranked.map((r) => r.sessionId).filter((x): x is string => !!x))),
    currentSession(db, committeeId),
  ]);
  const settings = parseSettings(rawSettings);
  const current = cur.session?.id ?? null;
  return {
    threshold: settings.duplicateThreshold,
    items: ranked.map(({ sessionId, ...r }) => ({
      ...r, stateLabel: PROPOSAL_STATES[r.state], sessionName: sessionId ? names.get(sessionId) ?? null : null,
      currentSession: sessionId !== null && sessionId === current, likelyDuplicate: r.score >= settings.duplicateThreshold,
    })),
  };
}

/** "Search before you propose": proposals like a text being drafted, among those the caller may see. */
export async function similarToText(db: Executor, caller: Caller, text: string, opts: { limit: number; excludeId?: string }): Promise<SimilarResult> {
  const ranked = await rankSimilar(db, caller.committeeId, matchTokens('', text), { visible: visibleSql(caller), ...opts });
  return present(db, caller.committeeId, ranked);
}

/** Merge candidates (并案候选) for one proposal at review. */
export async function similarToProposal(db: Executor, caller: Caller, id: string, limit: number): Promise<SimilarResult> {
  const { row } = await loadVisible(db, caller, id);
  const ranked = await rankSimilar(db, caller.committeeId, row, { visible: sql`true`, excludeId: id, limit });
  return present(db, caller.committeeId, ranked);
}
