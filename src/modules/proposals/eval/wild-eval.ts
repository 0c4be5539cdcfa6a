import {
  atThreshold, averagePrecision, cosine, idfFor, statsOf, vectorOf, withCharBigrams, withConcepts, type Idf, type ThresholdRow,
} from '../../../platform/text/index.js';
import { matchTokens } from '../domain/matching.js';
import { prepareUnits, suggestUnits, type PastAssignment } from '../domain/unit-suggestion.js';
import { DINGXI_UNITS, UNIT_CASES } from './unit-cases.js';
import { EVAL_UNITS } from './units.js';
import { loadWildSet, tuningPart, unitKind, type Part, type UnitKind, type WildCase, type WildPair, type WildSet } from './wild-set.js';

/**
 * Duplicate detection and unit routing measured on the wild set (eval/wild-set.ts), with 95 %
 * Wilson intervals. `chooseOnTuning` picks the representation and threshold; it reads the
 * tuning part only (tuningPart), and the test checks that.
 */
export interface Representation {
  /** Add concept tokens (platform/text/concepts.ts). */
  concepts: boolean;
  /** Their IDF times this. */
  conceptWeight: number;
  /** Add character bigrams of words of 3+ characters. */
  bigrams: boolean;
  /** Keep jieba's dictionary sub-words of long words (教师队伍 → 教师, 队伍). */
  subWords: boolean;
  /**
   * Drop place and setting words (those ending in 市 县 区 镇 乡 村 路 街 州 盟 旗: 达川区, 城区,
   * 农村, 社区): two cities asking one thing name different places, and two asks of one field
   * share the setting (农村…, 城区…) without sharing the ask.
   */
  placeless?: boolean;
}

const rep = (concepts: boolean, conceptWeight: number, bigrams: boolean, subWords = true, placeless = false): Representation => ({ concepts, conceptWeight, bigrams, subWords, placeless });
export const REPRESENTATIONS: Record<string, Representation> = {
  words: rep(false, 1, false),
  'words-no-subwords': rep(false, 1, false, false),
  'words+bigrams': rep(false, 1, true),
  'words+concepts': rep(true, 1, false),
  'words+concepts×1.5': rep(true, 1.5, false),
  'words+concepts×2': rep(true, 2, false),
  'words+concepts×3': rep(true, 3, false),
  'words+concepts+bigrams': rep(true, 1, true),
  'words+concepts×2+bigrams': rep(true, 2, true),
  'no-subwords+concepts': rep(true, 1, false, false),
  'no-subwords+concepts×2': rep(true, 2, false, false),
  'no-subwords+concepts+bigrams': rep(true, 1, true, false),
  'no-subwords−places': rep(false, 1, false, false, true),
  'no-subwords−places+concepts': rep(true, 1, false, false, true),
};

const PLACE_OR_SETTING = /(市|县|区|镇|乡|村|路|街|州|盟|旗)$/;

const weighted = (idf: Idf, r: Representation): Idf => (t) => (t.startsWith('〔') ? r.conceptWeight * idf(t) : idf(t));

export function features(text: string, r: Representation): string[] {
  let bag = matchTokens(text, '', { search: r.subWords }).tokens;
  if (r.placeless) bag = bag.filter((w) => !PLACE_OR_SETTING.test(w));
  if (r.bigrams) bag = withCharBigrams(bag);
  if (r.concepts) bag = withConcepts(bag);
  return bag;
}

/** 95 % Wilson score interval of k successes in n. */
export function wilson(k: number, n: number, z = 1.96): { value: number; low: number; high: number; k: number; n: number } {
  if (n === 0) return { value: 0, low: 0, high: 1, k, n };
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half), k, n };
}

export interface PairScore extends WildPair {
  score: number;
}

/** Scores of a part's pairs; the IDF is that of the part's own titles (as a committee sees only its own). */
export function scorePairs(pairs: readonly WildPair[], r: Representation): PairScore[] {
  const titles = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const bags = new Map(titles.map((t) => [t, features(t, r)]));
  const idf: Idf = weighted(idfFor(statsOf(titles.map((t) => [...new Set(bags.get(t)!)]))), r);
  const vec = new Map(titles.map((t) => [t, vectorOf([{ bag: bags.get(t)!, weight: 1 }], idf)]));
  return pairs.map((p) => ({ ...p, score: cosine(vec.get(p.a)!, vec.get(p.b)!) }));
}

export interface DuplicateFigures {
  pairs: { same: number; related: number; unrelated: number };
  threshold: number;
  precision: ReturnType<typeof wilson>;
  recall: ReturnType<typeof wilson>;
  averagePrecision: number;
  row: ThresholdRow;
  /** Same pairs scored below the threshold (lowest first) and other pairs at or above it (highest first). */
  missed: PairScore[];
  falseAlarms: PairScore[];
}

export function duplicateFigures(scored: readonly PairScore[], threshold: number): DuplicateFigures {
  const items = scored.map((s) => ({ score: s.score, positive: s.label === 'same' }));
  const row = atThreshold(items, threshold);
  return {
    pairs: { same: count(scored, 'same'), related: count(scored, 'related'), unrelated: count(scored, 'unrelated') },
    threshold,
    precision: wilson(row.truePositives, row.truePositives + row.falsePositives),
    recall: wilson(row.truePositives, row.truePositives + row.falseNegatives),
    averagePrecision: averagePrecision(items),
    row,
    missed: scored.filter((x) => x.label === 'same' && x.score < threshold).sort((a, b) => a.score - b.score),
    falseAlarms: scored.filter((x) => x.label !== 'same' && x.score >= threshold).sort((a, b) => b.score - a.score),
  };
}

const count = (ps: readonly WildPair[], l: WildPair['label']) => ps.filter((p) => p.label === l).length;

/** Kinds of the 定西 catalogue's units (units of no kind in the wild set's list are 'other'). */
function catalogueKind(name: string): UnitKind | 'other' {
  try {
    return unitKind(name);
  } catch {
    return 'other';
  }
}

/** Cases that routing can be scored on: those whose kind the catalogue has (a 区人民政府 is not a department). */
export function routable(cases: readonly WildCase[]): WildCase[] {
  const kinds = new Set(DINGXI_UNITS.map((u) => catalogueKind(u.name)));
  return cases.filter((c) => c.kinds.some((k) => kinds.has(k)));
}

/** How past assignments help routing: votes of similar past proposals, their words added to the duties, or both. */
export type HistoryMode = 'votes' | 'duties' | 'both';

export interface RoutingFigures {
  cases: number;
  top1: ReturnType<typeof wilson>;
  top3: ReturnType<typeof wilson>;
  misses: { title: string; kind: UnitKind; top3: string[] }[];
}

/**
 * Routing against a catalogue a city could enter on its first day (定西's 40 departments with
 * their duty texts): right when the answering unit's kind is among the suggested units' kinds.
 * `history`: past assignments (title, kind), voting through the most similar of them for a
 * catalogue unit of that kind, as suggest-units.ts does with a committee's lead units.
 */
export function routingFigures(
  cases: readonly WildCase[], r: Representation, history: readonly { title: string; kind: UnitKind }[] = [],
  opts: { historyWeight?: number; historyMode?: HistoryMode } & RoutingOptions = {},
): RoutingFigures {
  const mode = opts.historyMode ?? 'votes';
  const reference = opts.reference ?? 'none';
  // The reference committee's labelled proposals (定西, eval/unit-cases.ts), by the unit that led them.
  const referenceTexts = new Map<string, string[]>();
  for (const u of UNIT_CASES) referenceTexts.set(u.lead, [...(referenceTexts.get(u.lead) ?? []), u.text]);
  const longer = new Map(EVAL_UNITS.map((u) => [u.name.replace(/^市/, ''), u.duties]));
  const prepare = (extra: Map<string, string[]>) => prepareUnits(
    DINGXI_UNITS.map((u) => ({
      ...u,
      duties: [
        u.duties, ...(opts.longerDuties && longer.has(u.name) ? [longer.get(u.name)!] : []),
        ...(reference === 'duties' || reference === 'both' ? referenceTexts.get(u.id) ?? [] : []), ...(extra.get(u.id) ?? []),
      ].join('。'),
    })),
    { expand: (bag) => expandBag(bag, r), conceptWeight: r.conceptWeight },
  );
  const plain = prepare(new Map());
  const kindOf = new Map(DINGXI_UNITS.map((u) => [u.id, catalogueKind(u.name)]));
  const unitForKind = new Map<string, string>();
  for (const u of DINGXI_UNITS) if (!unitForKind.has(kindOf.get(u.id)!)) unitForKind.set(kindOf.get(u.id)!, u.id);
  const refCases = reference === 'votes' || reference === 'both' ? UNIT_CASES.filter((u) => kindOf.has(u.lead)) : [];
  const all = [...cases.map((c) => c.title), ...history.map((h) => h.title), ...refCases.map((u) => u.text)];
  const bags = new Map(all.map((t) => [t, features(t, r)]));
  const idf = weighted(idfFor(statsOf(all.map((t) => [...new Set(bags.get(t)!)]))), r);
  const vectors = new Map<string, ReturnType<typeof vectorOf>>();
  const vec = (t: string) => {
    let v = vectors.get(t);
    if (!v) vectors.set(t, (v = vectorOf([{ bag: bags.get(t)!, weight: 1 }], idf)));
    return v;
  };
  const ranked = cases.map((c) => {
    const q = vec(c.title);
    const own: PastAssignment[] = history
      .filter((h) => h.title !== c.title && unitForKind.has(h.kind))
      .map((h) => ({ leadUnitId: unitForKind.get(h.kind)!, similarity: cosine(q, vec(h.title)) }));
    const ref: PastAssignment[] = refCases.map((u) => ({ leadUnitId: u.lead, similarity: (opts.referenceWeight ?? 1) * cosine(q, vec(u.text)) }));
    const pick = (xs: PastAssignment[]) => xs.filter((h) => h.similarity >= 0.15).sort((a, b) => b.similarity - a.similarity).slice(0, 5);
    const past = pick([...own, ...ref]);
    // 'duties': each unit's duty text is extended with the titles of the proposals it led
    // (leaving this one out), so its vocabulary grows with its assignments.
    let prepared = plain;
    if (mode !== 'votes' && history.length) {
      const extra = new Map<string, string[]>();
      for (const h of history) {
        const id = unitForKind.get(h.kind);
        if (id && h.title !== c.title) extra.set(id, [...(extra.get(id) ?? []), h.title]);
      }
      prepared = prepare(extra);
    }
    const votes = mode === 'duties' ? pick(ref) : past;
    let top = suggestUnits(matchTokens(c.title, '', { search: r.subWords }), prepared, votes, { limit: 3, historyWeight: opts.historyWeight }).map((s) => s.unitId);
    // Fewer than three units share a word with the title: fill with the units that lead most often.
    if (opts.fill) for (const id of FILL_ORDER) if (top.length < 3 && !top.includes(id)) top = [...top, id];
    return { c, top, kinds: top.map((id) => kindOf.get(id)!) };
  });
  const k1 = ranked.filter((x) => x.c.kinds.includes(x.kinds[0] as UnitKind)).length;
  const k3 = ranked.filter((x) => x.kinds.some((k) => x.c.kinds.includes(k as UnitKind))).length;
  return {
    cases: cases.length,
    top1: wilson(k1, cases.length),
    top3: wilson(k3, cases.length),
    misses: ranked.filter((x) => !x.kinds.some((k) => x.c.kinds.includes(k as UnitKind))).map((x) => ({ title: x.c.title, kind: x.c.kind, top3: x.top })),
  };
}

/** Routing options beyond the representation (measured side by side on the tuning part). */
export interface RoutingOptions {
  /**
   * The reference committee's labelled proposals (定西, eval/unit-cases.ts: 120 texts with the
   * unit that led each): 'duties' appends them to their unit's duty text, 'votes' lets the most
   * similar of them vote for their unit as past assignments do. A city with no history of its
   * own still starts with another committee's.
   */
  reference?: 'none' | 'duties' | 'votes' | 'both';
  /** Reference votes count this much against the city's own (default 1). */
  referenceWeight?: number;
  /** Append the longer duty texts of eval/units.ts where a unit of that name exists. */
  longerDuties?: boolean;
  /** Fill an incomplete top 3 with the units that lead most often in the reference set. */
  fill?: boolean;
}

/** Units by how many of the reference set's proposals they led, most first. */
const FILL_ORDER: string[] = (() => {
  const n = new Map<string, number>();
  for (const u of UNIT_CASES) n.set(u.lead, (n.get(u.lead) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
})();

/** The routing options measured side by side; simpler ones first (a later one must win by a margin). */
export const ROUTING_OPTIONS: Record<string, RoutingOptions> = {
  'duties only': {},
  'fill': { fill: true },
  'longer duties': { longerDuties: true },
  'reference in duties': { reference: 'duties' },
  'reference votes': { reference: 'votes' },
  'reference in duties + fill': { reference: 'duties', fill: true },
  'reference votes + fill': { reference: 'votes', fill: true },
  'reference both + fill': { reference: 'both', fill: true },
  'reference votes + longer duties + fill': { reference: 'votes', longerDuties: true, fill: true },
};

export function expandBag(bag: readonly string[], r: Representation): string[] {
  let out = [...bag];
  if (r.bigrams) out = withCharBigrams(out);
  if (r.concepts) out = withConcepts(out);
  return out;
}

export interface Choice {
  /** Representation for duplicate detection (best average precision on tuning). */
  representation: string;
  /** Representation for routing (best cold top-3 on tuning, then with-history top-3). */
  routing: string;
  threshold: number;
  /** How history is used (best with-history top-3 on tuning, leave-one-out; ties keep the production default, votes at 0.5). */
  history: { mode: HistoryMode; weight: number; top3: number }[];
  historyChoice: { mode: HistoryMode; weight: number };
  /** Routing options (ROUTING_OPTIONS) by cold top-3 on tuning, and the one chosen. */
  routingOptionTable: { name: string; top3: number; top1: number }[];
  routingOption: string;
  /** Average precision and F1 at the threshold of each representation, on the tuning part. */
  table: { representation: string; averagePrecision: number; threshold: number; f1: number; routingTop3: number }[];
}

/**
 * Chooses the representation (by average precision of duplicate pairs plus routing top-3, both
 * on the tuning part) and the duplicate threshold (best F1 on the tuning part, ties to the
 * higher). Reads nothing but the tuning part.
 */
export function chooseOnTuning(set: WildSet = loadWildSet()): Choice {
  const { cases, pairs } = tuningPart(set);
  const table = Object.entries(REPRESENTATIONS).map(([name, r]) => {
    const scored = scorePairs(pairs, r);
    const items = scored.map((s) => ({ score: s.score, positive: s.label === 'same' }));
    let best = atThreshold(items, 0.05);
    for (let t = 0.05; t <= 0.8 + 1e-9; t += 0.025) {
      const row = atThreshold(items, Math.round(t * 1000) / 1000);
      if (row.f1 >= best.f1) best = row;
    }
    return { representation: name, averagePrecision: averagePrecision(items), threshold: best.threshold, f1: best.f1, routingTop3: routingFigures(routable(cases), r).top3.value };
  });
  // A later (less simple) entry of REPRESENTATIONS must raise average precision by 0.01: with
  // some thirty same pairs, less is one pair moving.
  const best = table.reduce((a, b) => (b.averagePrecision > a.averagePrecision + 0.01 ? b : a));
  const routing = table.reduce((a, b) => (b.routingTop3 > a.routingTop3 + 1e-9 ? b : a));
  const past = cases.map((c) => ({ title: c.title, kind: c.kind }));
  // A better top-3 by one case in sixty is noise: a change of option, mode or weight must win by two.
  const margin = 1.5 / Math.max(routable(cases).length, 1);
  const rr = REPRESENTATIONS[routing.representation];
  const routingOptionTable = Object.entries(ROUTING_OPTIONS).map(([name, o]) => {
    const f = routingFigures(routable(cases), rr, [], o);
    return { name, top3: f.top3.value, top1: f.top1.value };
  });
  const routingOption = routingOptionTable.reduce((a, b) => (b.top3 > a.top3 + margin ? b : a)).name;
  const grid: { mode: HistoryMode; weight: number }[] = [{ mode: 'votes', weight: 0.5 }];
  for (const mode of ['votes', 'duties', 'both'] as const) for (const weight of [0.25, 0.5, 1, 2]) if (!(mode === 'votes' && weight === 0.5)) grid.push({ mode, weight });
  const history = grid.map((g) => ({
    ...g, top3: routingFigures(routable(cases), rr, past, { ...ROUTING_OPTIONS[routingOption], historyMode: g.mode, historyWeight: g.weight }).top3.value,
  }));
  const historyChoice = history.reduce((a, b) => (b.top3 > a.top3 + margin ? b : a));
  return {
    representation: best.representation, routing: routing.representation, threshold: best.threshold, table,
    history, historyChoice: { mode: historyChoice.mode, weight: historyChoice.weight }, routingOptionTable, routingOption,
  };
}

export interface WildReport {
  choice: Choice;
  parts: Record<Part, { duplicates: DuplicateFigures; routingCold: RoutingFigures; routingWithHistory: RoutingFigures; baseline: { duplicates: DuplicateFigures; routingCold: RoutingFigures; routingColdNoOptions: RoutingFigures } }>;
  /** Routing top-3 on the test part as the tuning part's assignments accumulate (0, ¼, ½, ¾, all). */
  curve: { history: number; top1: number; top3: number }[];
  /** The same on the fresh test2 part. */
  curve2: { history: number; top1: number; top3: number }[];
}

/** The whole report: choose on tuning, then measure every part with the choice (and with words only, the old way). */
export function wildReport(set: WildSet = loadWildSet(), choice: Choice = chooseOnTuning(set)): WildReport {
  const r = REPRESENTATIONS[choice.representation];
  const rr = REPRESENTATIONS[choice.routing];
  const ropts = ROUTING_OPTIONS[choice.routingOption];
  const hopts = { ...ropts, historyMode: choice.historyChoice.mode, historyWeight: choice.historyChoice.weight };
  const tuningHistory = set.cases.filter((c) => c.part === 'tuning').map((c) => ({ title: c.title, kind: c.kind }));
  const part = (p: Part) => {
    const cases = routable(set.cases.filter((c) => c.part === p));
    const pairs = set.pairs.filter((x) => x.part === p);
    const history = p === 'tuning' ? tuningHistory : tuningHistory;
    return {
      duplicates: duplicateFigures(scorePairs(pairs, r), choice.threshold),
      routingCold: routingFigures(cases, rr, [], ropts),
      routingWithHistory: routingFigures(cases, rr, history, hopts),
      baseline: { duplicates: duplicateFigures(scorePairs(pairs, REPRESENTATIONS.words), 0.2), routingCold: routingFigures(cases, REPRESENTATIONS.words), routingColdNoOptions: routingFigures(cases, rr) },
    };
  };
  const curveOn = (p: Part) => {
    const cases = routable(set.cases.filter((c) => c.part === p));
    return [0, 0.25, 0.5, 0.75, 1].map((f) => {
      const h = tuningHistory.slice(0, Math.round(f * tuningHistory.length));
      const fig = routingFigures(cases, rr, h, hopts);
      return { history: h.length, top1: fig.top1.value, top3: fig.top3.value };
    });
  };
  return {
    choice, parts: { tuning: part('tuning'), test: part('test'), 'whole-city': part('whole-city'), test2: part('test2') },
    curve: curveOn('test'), curve2: curveOn('test2'),
  };
}
