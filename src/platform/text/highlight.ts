import { normalize } from './segment.js';

/**
 * Marking the words a search matched in the original text (what a person reads), shared by every
 * module's list search and the search across modules (platform/search.ts). Done in JS on a page of
 * results only: the stored tokens are jieba words, not positions in the text.
 */

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

