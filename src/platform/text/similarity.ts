import { isConcept, membersOf } from './concepts.js';
import { generalIdf } from './segment.js';

/**
 * TF-IDF vectors and cosine similarity over token bags.
 *
 * The IDF of a word blends the corpus' own statistics with jieba's general-corpus IDF:
 * with few documents the corpus' counts say little, so the general prior dominates; as the
 * corpus grows its own counts take over (weight n / (n + priorWeight)). A committee's proposal
 * corpus thus learns that 马铃薯 is common in 定西 while still knowing on day one that 的 is not
 * a topic.
 */
export interface CorpusStats {
  /** Documents in the corpus. */
  n: number;
  /** Documents containing the word (0 when unknown). */
  df(word: string): number;
}

export interface IdfOptions {
  /** How many documents the general prior is worth (default 50). */
  priorWeight?: number;
  /** Use only the corpus' counts (for measurement). */
  localOnly?: boolean;
  /** Use only the general prior (for measurement). */
  generalOnly?: boolean;
}

export type Idf = (word: string) => number;

/** The scale of jieba's general IDF (≈ ln of its corpus size), to put both on one scale. */
const GENERAL_MAX = 13.9;

export function idfFor(stats: CorpusStats, opts: IdfOptions = {}): Idf {
  const k = opts.priorWeight ?? 50;
  const cache = new Map<string, number>();
  return (word) => {
    let v = cache.get(word);
    if (v !== undefined) return v;
    // A concept (〔公交〕) is as common as its commonest member at least: where the corpus has not
    // counted it (stored statistics count words), its most frequent member's count stands in.
    const concept = isConcept(word);
    const df = concept && stats.df(word) === 0 ? Math.max(0, ...membersOf(word).map((m) => stats.df(m))) : stats.df(word);
    // Smoothed, so a word in every document still weighs a little and an unseen one the most.
    const local = Math.log((stats.n + 1) / (df + 1)) + 1;
    // Rescaled to the local range so that blending does not favour one side's magnitude.
    const general = concept ? Math.min(...membersOf(word).map(generalIdf)) : generalIdf(word);
    const prior = (general / GENERAL_MAX) * (Math.log(Math.max(stats.n, 1000) + 1) + 1);
    const w = stats.n / (stats.n + k);
    v = opts.localOnly ? local : opts.generalOnly ? prior : w * local + (1 - w) * prior;
    cache.set(word, v);
    return v;
  };
}

/** Counts of a bag. */
export function termFrequencies(bag: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const w of bag) tf.set(w, (tf.get(w) ?? 0) + 1);
  return tf;
}

export type Vector = Map<string, number>;

/**
 * A weighted vector: sublinear term frequency (1 + ln tf) × idf, with each field scaled by its
 * weight (a title's words count more than the body's).
 */
export function vectorOf(fields: { bag: readonly string[]; weight: number }[], idf: Idf): Vector {
  const v: Vector = new Map();
  for (const f of fields) {
    for (const [w, n] of termFrequencies(f.bag)) v.set(w, (v.get(w) ?? 0) + f.weight * (1 + Math.log(n)) * idf(w));
  }
  return v;
}

export function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** Cosine similarity in [0, 1] (0 when either vector is empty). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y) dot += x * y;
  }
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot / d;
}

/** In-memory corpus statistics over token bags (evaluation sets, unit duty texts). */
export function statsOf(bags: readonly (readonly string[])[]): CorpusStats {
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of new Set(bag)) df.set(w, (df.get(w) ?? 0) + 1);
  return { n: bags.length, df: (w) => df.get(w) ?? 0 };
}
