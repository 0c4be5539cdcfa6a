import { BOILERPLATE, FUNCTION_WORDS, normalize, segment } from '../../../platform/text/index.js';
import { subWords } from '../../../platform/text/segment.js';

/**
 * Full-text search of the proposal list (q): the query is cut into terms (at spaces and
 * punctuation), each term into jieba words exactly as proposals' `tokens` are made
 * (platform/text tokenize), so that a term matches through the GIN index on `tokens`
 * (`tokens @> required`). A long word is required through its dictionary sub-words
 * (乡村教师 → 乡村, 教师): the stored text may have been cut either way, and the sub-words are
 * stored in both cases. Terms with no content word (建设, 水, 第12号) fall back to a substring
 * of the title or the number; a term that is a member's name matches that member's proposals.
 *
 * Highlighting is done here, in JS, on the original text of the page of results only: marking
 * jieba tokens through ts_headline would need the token text, not what a person reads.
 */
export interface SearchTerm {
  /** The term as typed (normalised). */
  text: string;
  /** Words that must all be in `tokens` (empty: no content word, use the fallback). */
  required: string[];
  /** Words to mark in the text (the term itself and the words it was cut into). */
  marks: string[];
}

const keep = (w: string) => !FUNCTION_WORDS.has(w) && !BOILERPLATE.has(w) && [...w].length >= 2 && !/^[0-9.%]+$/.test(w);

export function parseSearch(q: string): SearchTerm[] {
  const seen = new Set<string>();
  const out: SearchTerm[] = [];
  for (const raw of normalize(q).split(/[\s,，、;；。.!！?？:："'“”‘’()（）《》]+/u)) {
    const text = raw.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const required = new Set<string>();
    const marks = new Set<string>([text]);
    for (const w of segment(text)) {
      if (!keep(w)) continue;
      marks.add(w);
      const subs = subWords(w).filter(keep);
      if (subs.length) for (const s of subs) { required.add(s); marks.add(s); }
      else required.add(w);
    }
    out.push({ text, required: [...required], marks: [...marks] });
  }
  return out.slice(0, 8);
}

export { highlight, markRanges, segmentsOf, snippet, type Segment } from '../../../platform/text/highlight.js';
import { highlight, snippet, type Segment } from '../../../platform/text/highlight.js';

export interface ListHighlight {
  title: Segment[];
  /** Where the body matched (null when only the title or a proposer did). */
  snippet: Segment[] | null;
  firstSigner: Segment[] | null;
}

export function listHighlight(row: { title: string; body: string; firstSigner: string | null }, terms: readonly SearchTerm[]): ListHighlight {
  const marks = terms.flatMap((t) => t.marks);
  return {
    title: highlight(row.title, marks),
    snippet: snippet(row.body, marks),
    firstSigner: row.firstSigner ? highlight(row.firstSigner, terms.map((t) => t.text)) : null,
  };
}
