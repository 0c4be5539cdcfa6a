import { cosine, isConcept, tokenize, vectorOf, withConcepts, type Idf, type TokenizeOptions, type Vector } from '../../../platform/text/index.js';

/**
 * How proposals are compared: TF-IDF cosine over the content words of title and body together.
 * TITLE_WEIGHT counts the title's words extra times. Measured on the labelled set in ../eval:
 * extra title weight *hurts* (average precision 0.908 at 0, 0.856 at 1, 0.803 at 2), because
 * two different asks of one field share the field's nouns in their titles (关于…马铃薯…) while
 * two members asking the same thing word their titles differently.
 */
export const TITLE_WEIGHT = 0;

/**
 * Score at or above which two proposals are flagged as probably the same matter (并案
 * candidate). Chosen on the labelled set at the best F1: precision 0.833, recall 0.795
 * (see test/proposals/similarity-eval.test.ts for the table).
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.2;

export interface MatchTokens {
  /** Content words of the title. */
  titleTokens: string[];
  /** Content words of title and body together (the retrieval index is built on these). */
  tokens: string[];
}

export function matchTokens(title: string, body: string, opts?: TokenizeOptions): MatchTokens {
  const titleTokens = tokenize(title, opts);
  return { titleTokens, tokens: [...titleTokens, ...tokenize(body, opts)] };
}

/**
 * What a bag of stored words becomes before two proposals are compared for duplicates: the words
 * as stored. Measured side by side on the wild set (eval/wild-eval.ts; titles only): words;
 * without jieba's sub-words (withoutSubWords); with character bigrams; with concepts at weights
 * 1–3. On its tuning part the words without sub-words had the best average precision (0.789
 * against 0.763), and on its test part too (0.796 against 0.777); but on the 定西 set of full
 * texts (title and body, what the similar check compares) they lose recall at 0.2 (0.727 against
 * 0.795) and concepts lose precision (0.714 against 0.833): both would fail the measured floor
 * of test/proposals/similarity-eval.test.ts, so neither is used here. The eval still reports them.
 */
export function expandForDuplicates(bag: readonly string[]): string[] {
  return [...bag];
}

/**
 * What a proposal's and a unit's duty text's words are extended with before routing: the
 * concepts the words name (platform/text/concepts.ts; 公共汽车 and 公交车 both add 〔公交〕), the
 * best cold top-3 on the wild set's tuning part.
 */
export function expandForMatching(bag: readonly string[]): string[] {
  return withConcepts(bag);
}

/**
 * How much a shared concept counts against a shared word (its IDF is multiplied by this).
 * Chosen with expandForMatching on the wild set's tuning part.
 */
export const CONCEPT_WEIGHT = 1;

/** An IDF under which concept tokens weigh `weight` times their own IDF. */
export function withConceptWeight(idf: Idf, weight = CONCEPT_WEIGHT): Idf {
  return weight === 1 ? idf : (t) => (isConcept(t) ? weight * idf(t) : idf(t));
}

export function proposalVector(t: MatchTokens, idf: Idf, titleWeight = TITLE_WEIGHT, expand: (bag: readonly string[]) => string[] = expandForDuplicates): Vector {
  const fields = [{ bag: expand(t.tokens), weight: 1 }];
  if (titleWeight > 0) fields.push({ bag: expand(t.titleTokens), weight: titleWeight });
  return vectorOf(fields, withConceptWeight(idf));
}

/** The terms two vectors share, weightiest (product of weights) first: the "why" shown beside a match. */
export function sharedTerms(a: Vector, b: Vector, limit = 8): string[] {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const shared: [string, number][] = [];
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y) shared.push([w, x * y]);
  }
  return shared.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).slice(0, limit).map(([w]) => w);
}

export interface Candidate<T> {
  item: T;
  score: number;
  /** Why: the words (and concepts, 〔…〕) both share, weightiest first, for the web to highlight. */
  matched: string[];
}

/** Ranks candidates by cosine similarity to the query, best first, rounded to 3 decimals. */
export function rankBySimilarity<T extends MatchTokens>(query: MatchTokens, candidates: readonly T[], idf: Idf, limit = 10): Candidate<T>[] {
  const q = proposalVector(query, idf);
  return candidates
    .map((item) => ({ item, v: proposalVector(item, idf) }))
    .map(({ item, v }) => ({ item, v, score: Math.round(cosine(q, v) * 1000) / 1000 }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ item, v, score }) => ({ item, score, matched: sharedTerms(q, v) }));
}
