import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { defineErrors, AppError } from '../../../platform/errors.js';
import { idfFor, type Idf } from '../../../platform/text/index.js';
import { proposalVector } from '../domain/matching.js';
import { PROPOSAL_STATES, type ProposalState } from '../domain/proposal-workflow.js';
import { parseSettings } from '../domain/settings.js';
import { currentSession, readSettings, sessionById } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { committeeStats } from './similar-retrieval.js';

export const ClusterErrors = defineErrors({
  'proposal.cluster_session_not_found': {
    kind: 'not_found',
    zh: '未找到该届次会议，或它不属于本政协；请从列表中重新选择会议',
    en: 'Plenary session not found in this committee; choose a session from the list',
  },
});

/** Still open for review: these may be merged (PROPOSAL_TRANSITIONS.merge.from). */
const OPEN_STATES: readonly ProposalState[] = ['submitted', 'pre_reviewed'];
/** Masters a proposal may be merged into (commands/merge-proposal.ts MASTER_STATES): filed, numbered, not answered yet. */
const MASTER_STATES: readonly ProposalState[] = ['filed', 'assigned', 'objected', 'handling'];

export interface ClusterItem {
  id: string;
  numberLabel: string | null;
  title: string;
  /** The submitting body of a group proposal, then the first signer and confirmed co-signers. */
  proposers: string[];
  state: ProposalState;
  stateLabel: string;
  submittedAt: string | null;
  /** Similarity to the cluster's suggested master (1 for the master itself). */
  score: number;
  isMaster: boolean;
  /** Filed and not yet answered: other proposals may be merged into it. */
  canBeMaster: boolean;
  /** Submitted or pre-reviewed: may be merged (并案). */
  canMerge: boolean;
}

export interface ProposalCluster {
  masterId: string;
  /** The suggested master is filed (merging into it is possible now); otherwise it must be filed first. */
  masterFiled: boolean;
  /** The highest similarity between two proposals of the cluster. */
  topScore: number;
  items: ClusterItem[];
}

export interface SessionClusters {
  session: { id: string; name: string } | null;
  threshold: number;
  /** Proposals compared: the session's open ones and filed masters. */
  compared: number;
  clusters: ProposalCluster[];
}

/** A candidate as read (its tokens are those of MatchTokens). */
type Row = {
  tokens: string[];
  titleTokens: string[];
  id: string;
  title: string;
  state: ProposalState;
  numberLabel: string | null;
  submittedAt: string | null;
  proposers: string[];
};

/**
 * Clusters of the same matter across a session (并案 at review): the session's proposals still
 * open for review and its filed masters, linked when their similarity reaches the committee's
 * duplicate threshold (the one chosen on the labelled set, settings.duplicateThreshold), grouped
 * by single link (split where it chains filed masters of different matters); every group holds
 * at least one open proposal. Scores are those of the merge candidates
 * (queries/similar-proposals.ts): TF-IDF cosine over the same tokens with the committee's
 * document frequencies, rounded to three decimals. One query reads the proposals, one checks the frequencies held in memory; the pairs are scored in
 * memory through an inverted index, so only pairs sharing a word are touched.
 */
export async function sessionClusters(db: Executor, caller: Caller, sessionId?: string): Promise<SessionClusters> {
  const { committeeId } = caller;
  const session = sessionId ? await sessionById(db, committeeId, sessionId) : (await currentSession(db, committeeId)).session;
  if (sessionId && !session) throw new AppError(ClusterErrors['proposal.cluster_session_not_found']);
  const settings = parseSettings(await readSettings(db, committeeId));
  const threshold = settings.duplicateThreshold;
  if (!session) return { session: null, threshold, compared: 0, clusters: [] };

  const rows = await clusterCandidates(db, committeeId, session.id);
  // The similar check's frequencies, kept in memory per committee and checked by their stamp (similar-retrieval.ts).
  const df = await committeeStats(db, committeeId);
  const idf = idfFor({ n: df.n, df: (w) => df.df.get(w) ?? 0 });
  const vectors = sparseVectors(rows, idf);
  const isMaster = rows.map((r) => MASTER_STATES.includes(r.state));
  const groups = linkAbove(vectors, rows.map((r) => OPEN_STATES.includes(r.state)), threshold)
    .flatMap((g) => splitByMasters(g, vectors, isMaster, threshold));

  const clusters = groups.map((members) => presentCluster(members.map((i) => rows[i]), members.map((i) => vectors[i])));
  clusters.sort((a, b) => b.items.length - a.items.length || b.topScore - a.topScore || a.items[0].title.localeCompare(b.items[0].title, 'zh'));
  return { session: { id: session.id, name: session.name }, threshold, compared: rows.length, clusters };
}

/** The one set-based read: open proposals and masters of the session, with their proposers' names. */
async function clusterCandidates(db: Executor, committeeId: string, sessionId: string): Promise<Row[]> {
  const { rows } = await db.execute<Row>(sql`
    select p.id, p.title, p.state, p.number_label as "numberLabel", p.submitted_at as "submittedAt",
           p.tokens, p.title_tokens as "titleTokens",
           array_remove(array[p.submitter_name], null) || coalesce((
             select array_agg(m.name order by s.position) from proposal_signers s join members m on m.id = s.member_id
              where s.committee_id = p.committee_id and s.proposal_id = p.id and s.status in ('first', 'confirmed')), '{}') as proposers
      from proposals p
     where p.committee_id = ${committeeId} and p.session_id = ${sessionId}
       and (p.state in (select jsonb_array_elements_text(${JSON.stringify(OPEN_STATES)}::jsonb))
            or (p.state in (select jsonb_array_elements_text(${JSON.stringify(MASTER_STATES)}::jsonb))
                and p.merged_into_id is null and p.number is not null))
     order by p.submitted_at nulls last, p.id`);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null }));
}

/** A proposal's TF-IDF vector (domain/matching.ts), unit length, as parallel arrays sorted by word. */
interface Sparse {
  words: string[];
  weights: number[];
}

function sparseVectors(rows: readonly Row[], idf: Idf): Sparse[] {
  return rows.map((r) => {
    const v = proposalVector(r, idf);
    let norm = 0;
    for (const x of v.values()) norm += x * x;
    norm = Math.sqrt(norm);
    const words = [...v.keys()].sort();
    return { words, weights: words.map((w) => (norm === 0 ? 0 : v.get(w)! / norm)) };
  });
}

/** Cosine of two unit vectors, rounded as the merge candidates are. */
function scoreOf(a: Sparse, b: Sparse): number {
  let i = 0, j = 0, dot = 0;
  while (i < a.words.length && j < b.words.length) {
    if (a.words[i] === b.words[j]) dot += a.weights[i++] * b.weights[j++];
    else if (a.words[i] < b.words[j]) i++;
    else j++;
  }
  return round(dot);
}
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Single-link groups (two or more) of proposals whose pairwise score reaches the threshold. A
 * link needs an open proposal at one end at least: two filed masters are never merged into each
 * other, so a link between them would only chain unrelated matters into one group.
 */
function linkAbove(vectors: readonly Sparse[], open: readonly boolean[], threshold: number): number[][] {
  const n = vectors.length;
  const postings = new Map<string, { doc: number; weight: number }[]>();
  vectors.forEach((v, doc) => v.words.forEach((w, k) => {
    let list = postings.get(w);
    if (!list) postings.set(w, (list = []));
    list.push({ doc, weight: v.weights[k] });
  }));
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const dots = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    // Dot products of i with every later proposal that shares a word (postings are in doc order).
    const v = vectors[i];
    for (let k = 0; k < v.words.length; k++) {
      for (const p of postings.get(v.words[k])!) {
        if (p.doc <= i) continue;
        if (dots[p.doc] === 0) touched.push(p.doc);
        dots[p.doc] += v.weights[k] * p.weight;
      }
    }
    for (const j of touched) {
      if ((open[i] || open[j]) && round(dots[j]) >= threshold) parent[find(j)] = find(i);
      dots[j] = 0;
    }
    touched.length = 0;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * Better than single link where it chains: a group holding filed masters of different matters
 * (masters not similar to each other) is split, each open proposal going with the master it is
 * most similar to. Masters of one matter (filed twice) stay together, so the office chooses.
 */
function splitByMasters(group: number[], vectors: readonly Sparse[], isMaster: readonly boolean[], threshold: number): number[][] {
  const masters = group.filter((i) => isMaster[i]);
  if (masters.length < 2) return [group];
  const parent = new Map(masters.map((m) => [m, m]));
  const find = (m: number): number => (parent.get(m) === m ? m : find(parent.get(m)!));
  for (let a = 0; a < masters.length; a++) {
    for (let b = a + 1; b < masters.length; b++) {
      if (scoreOf(vectors[masters[a]], vectors[masters[b]]) >= threshold) parent.set(find(masters[b]), find(masters[a]));
    }
  }
  const parts = new Map<number, number[]>();
  for (const i of group) {
    const home = isMaster[i] ? i : masters.reduce((best, m) => (scoreOf(vectors[i], vectors[m]) > scoreOf(vectors[i], vectors[best]) ? m : best), masters[0]);
    const root = find(home);
    parts.set(root, [...(parts.get(root) ?? []), i]);
  }
  // In the rows' order (earliest submitted first), as the groups of linkAbove are; a master left alone is no group.
  return [...parts.values()].map((p) => p.sort((a, b) => a - b)).filter((p) => p.some((i) => !isMaster[i]) && p.length > 1);
}

/**
 * The suggested master: among the filed ones (if any, else among all) the one most similar to
 * the rest of the cluster; ties go to the earliest submitted (rows come in that order).
 */
function presentCluster(rows: readonly Row[], vectors: readonly Sparse[]): ProposalCluster {
  const k = rows.length;
  const score = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  let topScore = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      score[i][j] = score[j][i] = scoreOf(vectors[i], vectors[j]);
      topScore = Math.max(topScore, score[i][j]);
    }
  }
  const canBeMaster = (r: Row) => MASTER_STATES.includes(r.state);
  const pool = rows.some(canBeMaster) ? rows.map((_, i) => i).filter((i) => canBeMaster(rows[i])) : rows.map((_, i) => i);
  const centrality = (i: number) => score[i].reduce((s, x, j) => (j === i ? s : s + x), 0);
  const master = pool.reduce((best, i) => (centrality(i) > centrality(best) + 1e-9 ? i : best), pool[0]);
  const items: ClusterItem[] = rows.map((r, i) => ({
    id: r.id, numberLabel: r.numberLabel, title: r.title, proposers: r.proposers, state: r.state, stateLabel: PROPOSAL_STATES[r.state],
    submittedAt: r.submittedAt, score: score[master][i], isMaster: i === master, canBeMaster: canBeMaster(r), canMerge: OPEN_STATES.includes(r.state),
  }));
  items.sort((a, b) => Number(b.isMaster) - Number(a.isMaster) || b.score - a.score || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return { masterId: rows[master].id, masterFiled: canBeMaster(rows[master]), topScore, items };
}
