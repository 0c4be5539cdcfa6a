import { cosine, tokenize, vectorOf, type Idf, type TokenizeOptions, type Vector } from '../../../platform/text/index.js';

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

export function proposalVector(t: MatchTokens, idf: Idf, titleWeight = TITLE_WEIGHT): Vector {
  const fields = [{ bag: t.tokens, weight: 1 }];
  if (titleWeight > 0) fields.push({ bag: t.titleTokens, weight: titleWeight });
  return vectorOf(fields, idf);
}

export interface Candidate<T> {
  item: T;
  score: number;
}

/** Ranks candidates by cosine similarity to the query, best first, rounded to 3 decimals. */
export function rankBySimilarity<T extends MatchTokens>(query: MatchTokens, candidates: readonly T[], idf: Idf, limit = 10): Candidate<T>[] {
  const q = proposalVector(query, idf);
  return candidates
    .map((item) => ({ item, score: Math.round(cosine(q, proposalVector(item, idf)) * 1000) / 1000 }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
