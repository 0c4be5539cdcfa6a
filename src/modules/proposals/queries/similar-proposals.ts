import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { distinct, idfFor } from '../../../platform/text/index.js';
import { matchTokens, rankBySimilarity, type MatchTokens } from '../domain/matching.js';
import { parseSettings } from '../domain/settings.js';
import { PROPOSAL_STATES, type ProposalState } from '../domain/proposal-workflow.js';
import { loadVisible, visibleSql } from '../proposal.access.js';
import { currentSession, readSettings } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { cachedStats, fetchCandidates, loadStats, type CommitteeStats, type Retrieval } from './similar-retrieval.js';

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
  /** The words both texts share that weigh most in the score (domain/matching.ts sharedTerms). */
  matched: string[];
}

/** The query's retrieval words: its rarest in the committee (most informative first), leaving out the common ones. */
function retrievalOf(words: readonly string[], stats: CommitteeStats): Retrieval {
  const df = (w: string) => stats.df.get(w) ?? 0;
  const idf = idfFor({ n: stats.n, df });
  const anyOf = words.filter((w) => stats.n < 50 || df(w) / Math.max(stats.n, 1) <= COMMON_SHARE).sort((a, b) => idf(b) - idf(a)).slice(0, RETRIEVAL_WORDS);
  return { anyOf, pairsOf: anyOf.length > 2 ? anyOf.slice(0, PAIR_WORDS) : [], enough: PAIR_ENOUGH };
}

const sameRetrieval = (a: Retrieval, b: Retrieval) => a.anyOf.join('\n') === b.anyOf.join('\n') && a.pairsOf.join('\n') === b.pairsOf.join('\n');

/**
 * Similar proposals of the committee (all sessions), best first: candidates share two of the
 * query's rarest words (or, failing enough of those, one; queries/similar-retrieval.ts), then
 * TF-IDF cosine re-ranks them with the committee's document frequencies (domain/matching.ts).
 *
 * The frequencies come from memory when the candidates' statement confirms they are current
 * (one round trip); otherwise they are read again, and the candidates too if that changes the
 * retrieval words. The scores are those computed with every count read from the database.
 */
export async function rankSimilar(
  db: Executor, committeeId: string, query: MatchTokens, opts: { visible: SQL; excludeId?: string; limit: number },
): Promise<(RankedProposal & { sessionId: string | null })[]> {
  return (await rankWithSessions(db, committeeId, query, opts)).ranked;
}

type Ranked = (RankedProposal & { sessionId: string | null })[];

/** rankSimilar, with the names of the committee's sessions read in the same statement. */
async function rankWithSessions(
  db: Executor, committeeId: string, query: MatchTokens, opts: { visible: SQL; excludeId?: string; limit: number },
): Promise<{ ranked: Ranked; sessionNames: Map<string, string> }> {
  const words = distinct(query.tokens);
  let stats = cachedStats(committeeId) ?? (await loadStats(db, committeeId));
  let retrieval = retrievalOf(words, stats);
  const base = { visible: opts.visible, excludeId: opts.excludeId, limit: CANDIDATES };
  let found = await fetchCandidates(db, committeeId, retrieval, base);
  if (found.stamp !== stats.stamp) {
    stats = await loadStats(db, committeeId);
    const again = retrievalOf(words, stats);
    if (!sameRetrieval(again, retrieval)) found = await fetchCandidates(db, committeeId, (retrieval = again), base);
  }
  const idf = idfFor({ n: stats.n, df: (w) => stats.df.get(w) ?? 0 });
  const ranked = rankBySimilarity(query, found.candidates, idf, opts.limit).map(({ item, score, matched }) => ({
    id: item.id, title: item.title, numberLabel: item.numberLabel, state: item.state as ProposalState, sessionId: item.sessionId, score, matched,
  }));
  return { ranked, sessionNames: found.sessionNames };
}

export interface SimilarResult {
  threshold: number;
  items: (RankedProposal & { stateLabel: string; sessionName: string | null; currentSession: boolean; likelyDuplicate: boolean })[];
}

/**
 * Ranks and reads the committee's settings and current session side by side (on a pool they run
 * at once; in a transaction they queue on its connection).
 */
async function similarResult(
  db: Executor, committeeId: string, query: MatchTokens, opts: { visible: SQL; excludeId?: string; limit: number },
): Promise<SimilarResult> {
  const [{ ranked, sessionNames }, rawSettings, cur] = await Promise.all([
    rankWithSessions(db, committeeId, query, opts),
    readSettings(db, committeeId),
    currentSession(db, committeeId),
  ]);
  const settings = parseSettings(rawSettings);
  const current = cur.session?.id ?? null;
  return {
    threshold: settings.duplicateThreshold,
    items: ranked.map(({ sessionId, ...r }) => ({
      ...r, stateLabel: PROPOSAL_STATES[r.state], sessionName: sessionId ? sessionNames.get(sessionId) ?? null : null,
      currentSession: sessionId !== null && sessionId === current, likelyDuplicate: r.score >= settings.duplicateThreshold,
    })),
  };
}

/** "Search before you propose": proposals like a text being drafted, among those the caller may see. */
export async function similarToText(db: Executor, caller: Caller, text: string, opts: { limit: number; excludeId?: string }): Promise<SimilarResult> {
  return similarResult(db, caller.committeeId, matchTokens('', text), { visible: visibleSql(caller), ...opts });
}

/** Merge candidates (并案候选) for one proposal at review. */
export async function similarToProposal(db: Executor, caller: Caller, id: string, limit: number): Promise<SimilarResult> {
  const { row } = await loadVisible(db, caller, id);
  return similarResult(db, caller.committeeId, row, { visible: sql`true`, excludeId: id, limit });
}
