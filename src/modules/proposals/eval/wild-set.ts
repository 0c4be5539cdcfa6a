import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The labelled set "from the wild": titles of real proposals (提案) and deputies' suggestions
 * (建议) read on public pages, with the unit that answered them, and pairs of titles labelled
 * same matter / related / unrelated. The rows are data (eval/wild/*.tsv, each with its URL and
 * page title; the queries that found them are in eval/wild/SOURCES.md); nothing here is written
 * by this project except the judged labels of judged-pairs.tsv, which say why.
 *
 * Four parts, fixed by rule rather than by hand so no one can move a hard case:
 * - whole-city: every row of WHOLE_CITY, used for nothing but the final figure;
 * - test: the other rows whose title hashes to an odd first byte; nothing is chosen on it;
 * - tuning: the rest; thresholds and weights are chosen here only;
 * - test2: a fresh part collected later from cities in no other part (files test2-*.tsv),
 *   frozen by its hash before any figure was measured on it. The concept groups were written
 *   before these titles were read, so unlike `test` it is blind to the concept vocabulary too.
 * A pair goes to the part of its first title (both titles of a pair are in one city's row set
 * for source pairs; judged cross-city pairs follow their first title).
 */
export const WHOLE_CITY = '临湘市';

export type Part = 'tuning' | 'test' | 'whole-city' | 'test2';
export type UnitKind =
  | 'education' | 'health' | 'housing' | 'transport' | 'police' | 'urban-management' | 'civil-affairs' | 'water'
  | 'agriculture' | 'natural-resources' | 'culture-tourism' | 'environment' | 'human-resources' | 'justice' | 'commerce' | 'sports' | 'development-reform' | 'industry' | 'postal' | 'veterans' | 'state-assets' | 'market-regulation'
  | 'emergency' | 'government';

export interface WildCase {
  id: string;
  city: string;
  year: string;
  title: string;
  unit: string;
  kind: UnitKind;
  /** Every kind the unit's name names (教育和体育局: education and sports; 农业农村水利局: agriculture and water). */
  kinds: UnitKind[];
  url: string;
  page: string;
  part: Part;
}

export type WildLabel = 'same' | 'related' | 'unrelated';
export interface WildPair {
  a: string;
  b: string;
  label: WildLabel;
  /** source: the page shows them handled as one matter; judged: labelled here (with why); derived: from the answering units' kinds. */
  basis: 'source' | 'judged' | 'derived';
  part: Part;
}

/** The kind of an answering unit, from its name (教育局, 教育体育局 → education; 住建 → housing …). */
export function unitKind(name: string): UnitKind {
  const [first] = unitKinds(name);
  if (!first) throw new Error(`unit kind unknown for ${name}`);
  return first;
}

/** Every kind a unit's name names, the first being its main one. */
export function unitKinds(name: string): UnitKind[] {
  const rules: [RegExp, UnitKind][] = [
    [/人民政府$/, 'government'],
    [/教育|教体/, 'education'],
    [/卫生健康|卫健|卫生和计划生育/, 'health'],
    [/住房和城乡建设|住房和城建设|住建/, 'housing'],
    [/交通运输|交通局/, 'transport'],
    [/公安|交警|交通警察/, 'police'],
    [/城市管理|综合行政执法|城管|综合执法/, 'urban-management'],
    [/民政(局|厅|部)/, 'civil-affairs'],
    [/水务|水利/, 'water'],
    [/农业农村|农业局|农业部/, 'agriculture'],
    [/自然资源/, 'natural-resources'],
    [/文化和旅游|文化旅游|旅游|文旅|文体广电|广播电视/, 'culture-tourism'],
    [/发展和改革|发改/, 'development-reform'],
    [/经济和信息化|工业和信息化|经信/, 'industry'],
    [/邮政/, 'postal'],
    [/退役军人/, 'veterans'],
    [/国资/, 'state-assets'],
    [/^[^和]*建设局$/, 'housing'],
    [/生态环境|环境保护/, 'environment'],
    [/人力资源|劳动和社会保障|人社/, 'human-resources'],
    [/司法/, 'justice'],
    [/商务/, 'commerce'],
    [/体育/, 'sports'],
    [/规划局|规划和自然资源/, 'natural-resources'],
    [/市场监督|市场监管/, 'market-regulation'],
    [/应急管理|消防/, 'emergency'],
  ];
  return rules.filter(([re]) => re.test(name)).map(([, kind]) => kind);
}

const dir = new URL('./wild/', import.meta.url);
function tsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(file, dir), 'utf8').split('\n').filter((l) => l.trim());
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v.trim()])));
}

const partOf = (city: string, title: string): Part =>
  city === WHOLE_CITY ? 'whole-city' : createHash('sha256').update(title).digest()[0] % 2 === 1 ? 'test' : 'tuning';

export interface WildSet {
  cases: WildCase[];
  /** Titles seen on lists without an answering unit (only in pairs). */
  titles: Map<string, { city: string; part: Part }>;
  pairs: WildPair[];
}

let loaded: WildSet | undefined;

/** Reads the whole set (all parts): for reporting. Tuning code must call `tuningPart` instead. */
export function loadWildSet(): WildSet {
  if (loaded) return loaded;
  const cases: WildCase[] = tsv('raw-units.tsv').map((r, i) => ({
    id: `w${i + 1}`, city: r.city, year: r.year, title: r.title, unit: r.unit, kind: unitKind(r.unit), kinds: unitKinds(r.unit), url: r.url, page: r.page,
    part: partOf(r.city, r.title),
  }));
  const titles = new Map<string, { city: string; part: Part }>();
  for (const c of cases) titles.set(c.title, { city: c.city, part: c.part });
  for (const r of tsv('raw-lists.tsv')) titles.set(r.title, { city: r.city, part: partOf(r.city, r.title) });
  // The fresh part goes after every older row, so the older parts' derived pairs (which follow
  // the cases' order) are exactly what they were.
  const first2 = cases.length;
  cases.push(...tsv('test2-units.tsv').map((r, i) => ({
    id: `w${first2 + i + 1}`, city: r.city, year: r.year, title: r.title, unit: r.unit, kind: unitKind(r.unit), kinds: unitKinds(r.unit), url: r.url, page: r.page,
    part: 'test2' as const,
  })));
  for (const c of cases.slice(first2)) {
    if (titles.has(c.title) || c.city === WHOLE_CITY) throw new Error(`test2 row overlaps an older part: ${c.title}`);
    titles.set(c.title, { city: c.city, part: 'test2' });
  }
  for (const r of tsv('test2-lists.tsv')) {
    if (titles.has(r.title)) throw new Error(`test2 row overlaps an older part: ${r.title}`);
    titles.set(r.title, { city: r.city, part: 'test2' });
  }
  const pairs: WildPair[] = [];
  const key = (a: string, b: string) => [a, b].sort().join('\u0000');
  const labelled = new Set<string>();
  const add = (a: string, b: string, label: WildLabel, basis: WildPair['basis']) => {
    const t = titles.get(a);
    if (!t || !titles.has(b)) throw new Error(`pair title not in the set: ${t ? b : a}`);
    if (labelled.has(key(a, b))) return;
    labelled.add(key(a, b));
    pairs.push({ a, b, label, basis, part: t.part });
  };
  for (const r of tsv('raw-pairs.tsv')) add(r.title_a, r.title_b, r.label as WildLabel, 'source');
  for (const r of tsv('judged-pairs.tsv')) add(r.title_a, r.title_b, r.label as WildLabel, 'judged');
  for (const r of tsv('test2-pairs.tsv')) add(r.title_a, r.title_b, r.label as WildLabel, 'judged');
  // Derived: two different titles answered by units of one kind are related (same field, a
  // different ask unless labelled same above); one partner of another kind per title, by a
  // fixed stride, is unrelated. Pairs stay inside one part.
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const [x, y] = [cases[i], cases[j]];
      if (x.part === y.part && x.kind === y.kind && x.title !== y.title) add(x.title, y.title, 'related', 'derived');
    }
    const same = cases.filter((c) => c.part === cases[i].part && c.kind !== cases[i].kind);
    if (same.length) add(cases[i].title, same[(i * 7 + 3) % same.length].title, 'unrelated', 'derived');
  }
  loaded = { cases, titles, pairs };
  return loaded;
}

/**
 * SHA-256 of the test and whole-city parts' rows as they were when the weights and threshold
 * were chosen (recomputed by the test; a change to those rows must be deliberate).
 */
export function partHash(set: WildSet, part: Exclude<Part, 'tuning'>): string {
  const rows = [
    ...set.cases.filter((c) => c.part === part).map((c) => `${c.title}\t${c.unit}`),
    ...set.pairs.filter((p) => p.part === part).map((p) => `${p.a}\t${p.b}\t${p.label}`),
  ].sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex');
}

/** The tuning part only: what thresholds and weights may be chosen on. */
export function tuningPart(set: WildSet = loadWildSet()): { cases: WildCase[]; pairs: WildPair[] } {
  return { cases: set.cases.filter((c) => c.part === 'tuning'), pairs: set.pairs.filter((p) => p.part === 'tuning') };
}
