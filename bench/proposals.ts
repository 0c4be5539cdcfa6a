import { sql } from 'drizzle-orm';
import type { Database, Db } from '../src/platform/db/database.js';
import { listQuery } from '../src/modules/proposals/contracts.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from '../src/modules/proposals/domain/matching.js';
import { evaluateSimilarity, evaluateUnitCases } from '../src/modules/proposals/eval/similarity-eval.js';
import type { Caller } from '../src/modules/proposals/proposals.policy.js';
import { listVisibleProposals } from '../src/modules/proposals/queries/list-proposals.js';
import { similarToText } from '../src/modules/proposals/queries/similar-proposals.js';
import type { ThresholdRow } from '../src/platform/text/index.js';
import type { BenchUser } from './fixtures.js';
import { buildCorpus } from './proposals-corpus.js';
import { ensureProposals, type ProposalDataInfo } from './proposals-data.js';
import { log, measureCases, prng, type Summary } from './stats.js';

/**
 * Proposals at scale: the similar-proposal check (similarToText, what GET /api/proposals/similar
 * runs), the list with filters, and full-text search (listVisibleProposals, what GET
 * /api/proposals runs), each as a proposal-office caller of the sampled committees, called
 * directly on the pool; each with a baseline measured in the same run: a bare indexed
 * `select … limit 20` on proposals of the same committee. Then the labelled-set figures.
 */
export interface Timed {
  summary: Summary;
  baseline: Summary;
  /** p95 ÷ the baseline's p95. */
  ratio: number;
  /** Mean rows matched (list total, or candidates returned). */
  meanMatches: number;
}

export interface ProposalsResult {
  data: ProposalDataInfo;
  committees: { code: string; level: string; proposals: number }[];
  similar: Timed;
  list: Timed;
  search: Timed & { emptyShare: number };
  duplicates: {
    threshold: number;
    precision: number;
    recall: number;
    f1: number;
    averagePrecision: number;
    pairs: { same: number; related: number; unrelated: number };
    table: ThresholdRow[];
    bestF1: ThresholdRow;
  };
  units: { cases: number; top1: number; top3: number; top3Lenient: number; misses: { id: string; lead: string; top3: string[] }[] };
}

const WARMUP = 20;

function callerOf(u: BenchUser): Caller {
  return {
    committeeId: u.committee.id,
    actor: { userId: u.userId, label: u.username },
    grants: (['proposals', 'info', 'member_affairs', 'general'] as const).map((office) => ({ role: 'staff' as const, office })),
    admin: false,
  };
}

const measure = <C>(cases: C[], run: (c: C) => Promise<number>) => measureCases(cases, run, WARMUP);

/** The baseline: one indexed query of 20 rows of the committee's proposals (no joins, no ranking). */
async function baseline(db: Db, users: BenchUser[], n: number, seed: number): Promise<Summary> {
  const rand = prng(seed);
  const states = ['handling', 'closed', 'filed', 'assigned', 'released'];
  const cases = Array.from({ length: n }, () => ({ c: rand.pick(users).committee.id, s: rand.pick(states) }));
  return (await measure(cases, async ({ c, s }) => {
    const { rows } = await db.execute(sql`select id, title, state from proposals where committee_id = ${c} and state = ${s} limit 20`);
    return rows.length;
  })).summary;
}

export async function proposalsBench(database: Database, users: BenchUser[], o: { proposals: number; requests: number; seed: number }): Promise<ProposalsResult> {
  const db = database.db;
  const data = await ensureProposals(database, o.proposals);
  log(`proposals: ${data.proposals} stored (${data.reused ? `reused, generated in ${data.generationSeconds} s` : `generated in ${data.generationSeconds} s`})`);
  const { rows: counts } = await db.execute<{ id: string; n: number }>(sql`
    select committee_id as id, count(*)::int as n from proposals
     where committee_id in (select jsonb_array_elements_text(${JSON.stringify(users.map((u) => u.committee.id))}::jsonb)::uuid) group by 1`);
  const sizes = new Map(counts.map((r) => [r.id, r.n]));
  const corpus = buildCorpus();
  const rand = prng(o.seed + 7);
  const n = o.requests;

  // Similar check: a new draft composed like the stored ones (a title of a topic, three of its sentences, one of another).
  const drafts = Array.from({ length: n }, () => {
    const t = rand.pick(corpus.topics);
    const other = rand.pick(corpus.topics);
    const body = [rand.pick(t.sentences), rand.pick(t.sentences), rand.pick(other.sentences), rand.pick(t.sentences)].map((s) => s.text).join('');
    return { user: rand.pick(users), text: `${rand.pick(t.titles).text}\n${body}` };
  });
  log(`proposals: similar check, ${n} requests …`);
  const simBase = await baseline(db, users, n, o.seed + 1);
  const sim = await measure(drafts, async (d) => (await similarToText(db, callerOf(d.user), d.text, { limit: 10 })).items.length);

  // List with filters, as a city office works: state + category + lead unit, page 1.
  const { rows: unitRows } = await db.execute<{ committeeId: string; id: string }>(sql`
    select committee_id as "committeeId", id from handling_units
     where committee_id in (select jsonb_array_elements_text(${JSON.stringify(users.map((u) => u.committee.id))}::jsonb)::uuid)`);
  const unitsOf = (c: string) => unitRows.filter((u) => u.committeeId === c).map((u) => u.id);
  const stateSets = ['handling', 'assigned,handling', 'released,closed', 'filed', 'handling,countersigning,reply_review', 'submitted'];
  const categories = ['农业农村', '教科文卫体', '城建环资', '社会法制', '经济'];
  const lists = Array.from({ length: n }, (_, i) => {
    const user = rand.pick(users);
    const q: Record<string, string> = { state: rand.pick(stateSets), page: '1', pageSize: '20' };
    if (i % 3 !== 2) q.category = rand.pick(categories);
    if (i % 2 === 0) q.unitId = rand.pick(unitsOf(user.committee.id));
    return { user, q };
  });
  log(`proposals: list with filters, ${n} requests …`);
  const listBase = await baseline(db, users, n, o.seed + 2);
  const list = await measure(lists, async (c) => (await listVisibleProposals(db, callerOf(c.user), listQuery.parse(c.q))).total);

  // Full-text search: 1–3 words of one topic (as someone looking for earlier proposals on a matter would type).
  const searches = Array.from({ length: n }, () => {
    const t = rand.pick(corpus.topics);
    const words = [...new Set(rand.pick(t.sentences).tokens.concat(rand.pick(t.titles).tokens))].filter((w) => [...w].length >= 2);
    const k = 1 + rand.int(3);
    const picked: string[] = [];
    while (picked.length < Math.min(k, words.length)) {
      const w = rand.pick(words);
      if (!picked.includes(w)) picked.push(w);
    }
    return { user: rand.pick(users), q: picked.join(' ') };
  });
  log(`proposals: full-text search, ${n} requests …`);
  const searchBase = await baseline(db, users, n, o.seed + 3);
  let empty = 0; // counted over warm-up and measured runs alike
  const search = await measure(searches, async (c) => {
    const r = await listVisibleProposals(db, callerOf(c.user), listQuery.parse({ q: c.q, page: '1', pageSize: '20' }));
    if (!r.total) empty++;
    return r.total;
  });

  log('proposals: labelled sets …');
  const ev = evaluateSimilarity();
  const chosen = ev.table.find((r) => r.threshold === DEFAULT_DUPLICATE_THRESHOLD) ?? ev.chosen;
  const units = evaluateUnitCases();
  const timed = (t: { summary: Summary; meanMatches: number }, b: Summary): Timed => ({ ...t, baseline: b, ratio: t.summary.p95 / b.p95 });
  return {
    data,
    committees: users.map((u) => ({ code: u.committee.code, level: u.committee.level, proposals: sizes.get(u.committee.id) ?? 0 })),
    similar: timed(sim, simBase),
    list: timed(list, listBase),
    search: { ...timed(search, searchBase), emptyShare: empty / (searches.length + Math.min(WARMUP, searches.length)) },
    duplicates: {
      threshold: chosen.threshold, precision: chosen.precision, recall: chosen.recall, f1: chosen.f1, averagePrecision: ev.averagePrecision,
      pairs: ev.pairs, table: ev.table.filter((r) => r.threshold >= 0.1 && r.threshold <= 0.4), bestF1: ev.chosen,
    },
    units: { cases: units.cases, top1: units.top1, top3: units.top3, top3Lenient: units.top3Lenient, misses: units.misses },
  };
}
