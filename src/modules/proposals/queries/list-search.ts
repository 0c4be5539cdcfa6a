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

/** A piece of text, marked when it matched the query. */
export interface Segment {
  text: string;
  hit?: true;
}

/** Character ranges [start, end) of the marks in `text` (case- and width-insensitive), merged. */
export function markRanges(text: string, marks: readonly string[]): [number, number][] {
  if (!text || !marks.length) return [];
  // Normalise character by character so that positions stay those of the original text.
  const chars = [...text];
  const starts: number[] = [];
  let norm = '';
  let pos = 0;
  for (const ch of chars) {
    const n = normalize(ch);
    const one = [...n].length === 1 ? n : ch.toLowerCase();
    starts.push(pos);
    norm += one;
    pos += ch.length;
  }
  const normChars = [...norm];
  const hits: [number, number][] = [];
  const sorted = [...new Set(marks.map((m) => normalize(m).trim()).filter(Boolean))].sort((a, b) => [...b].length - [...a].length);
  const taken = new Array<boolean>(normChars.length).fill(false);
  const joined = normChars.join('');
  for (const m of sorted) {
    const mLen = [...m].length;
    let from = 0;
    for (;;) {
      const at = joined.indexOf(m, from);
      if (at < 0) break;
      const startCp = [...joined.slice(0, at)].length;
      from = at + m.length;
      let free = true;
      for (let k = startCp; k < startCp + mLen; k++) if (taken[k]) { free = false; break; }
      if (!free) continue;
      for (let k = startCp; k < startCp + mLen; k++) taken[k] = true;
      hits.push([startCp, startCp + mLen]);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([...h]);
  }
  // Code-point ranges → UTF-16 ranges of the original text.
  const utf16 = (cp: number) => (cp < starts.length ? starts[cp] : text.length);
  return merged.map(([a, b]) => [utf16(a), utf16(b)]);
}

export function segmentsOf(text: string, ranges: readonly [number, number][]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) out.push({ text: text.slice(at, a) });
    out.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The text with the marks highlighted (one segment, unmarked, when nothing matched). */
export function highlight(text: string, marks: readonly string[]): Segment[] {
  return segmentsOf(text, markRanges(text, marks));
}

const SNIPPET = 80;

/**
 * A window of the body around its densest run of hits (about SNIPPET characters), with …
 * where it was cut; null when the body has no hit.
 */
export function snippet(body: string, marks: readonly string[]): Segment[] | null {
  const ranges = markRanges(body, marks);
  if (!ranges.length) return null;
  let best = 0, bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    let n = 0;
    for (let j = i; j < ranges.length && ranges[j][0] < ranges[i][0] + SNIPPET; j++) n++;
    if (n > bestCount) { best = i; bestCount = n; }
  }
  const start = Math.max(0, ranges[best][0] - 16);
  const end = Math.min(body.length, start + SNIPPET);
  const inside = ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a - start, b - start] as [number, number]);
  const segs = segmentsOf(body.slice(start, end).replace(/[\r\n\t]/g, ' '), inside);
  if (start > 0) segs.unshift({ text: '…' });
  if (end < body.length) segs.push({ text: '…' });
  return segs;
}

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
