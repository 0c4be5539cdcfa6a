import { sql } from 'drizzle-orm';
import type { Database, Db } from '../src/platform/db/database.js';
import { listQuery } from '../src/modules/social-info/contracts.js';
import { listItems } from '../src/modules/social-info/queries/list-items.js';
import type { Caller } from '../src/modules/social-info/social-info.policy.js';
import type { BenchUser } from './fixtures.js';
import { buildInfoCorpus, ensureSocialInfo, type InfoDataInfo } from './social-info-data.js';
import { log, measureCases, prng, type Summary } from './stats.js';

/**
 * 社情民意 at scale: the office's item list (default, by state, by year, both; page 1) and
 * Chinese search (q of 1–3 words, segmented by the same tokenizer) — both through listItems(),
 * what GET /api/social-info/items runs — as the info office of the sampled committees, called
 * directly on the pool. Baseline in the same run: a bare `select … limit 20` on the same table
 * for the same committee.
 */
export interface InfoTimed {
  summary: Summary;
  baseline: Summary;
  /** p95 ÷ the baseline's p95. */
  ratio: number;
  meanMatches: number;
}

export interface SocialInfoBenchResult {
  data: InfoDataInfo;
  committees: { code: string; level: string; items: number }[];
  list: InfoTimed;
  cityDefaultList: InfoTimed;
  search: InfoTimed & { emptyShare: number };
}

const WARMUP = 20;

const office = (u: BenchUser): Caller => ({
  committeeId: u.committee.id, actor: { userId: u.userId, label: u.username }, grants: [{ role: 'staff', office: 'info' }], admin: false,
});

const measure = <C>(cases: C[], run: (c: C) => Promise<number>) => measureCases(cases, run, WARMUP);

async function baseline(db: Db, users: BenchUser[], n: number, seed: number): Promise<Summary> {
  const rand = prng(seed);
  const cases = Array.from({ length: n }, () => rand.pick(users).committee.id);
  return (await measure(cases, async (c) => (await db.execute(sql`select id, title, state from social_info_items where committee_id = ${c} limit 20`)).rows.length)).summary;
}

export async function socialInfoBench(database: Database, users: BenchUser[], o: { items: number; requests: number; seed: number }): Promise<SocialInfoBenchResult> {
  const db = database.db;
  const data = await ensureSocialInfo(database, o.items);
  log(`social-info: ${data.items} items stored (${data.reused ? 'reused, ' : ''}generated in ${data.generationSeconds} s)`);
  const { rows: counts } = await db.execute<{ id: string; n: number }>(sql`
    select committee_id as id, count(*)::int as n from social_info_items
     where committee_id in (select jsonb_array_elements_text(${JSON.stringify(users.map((u) => u.committee.id))}::jsonb)::uuid) group by 1`);
  const sizes = new Map(counts.map((r) => [r.id, r.n]));
  const rand = prng(o.seed + 11);
  const n = o.requests;

  // The list as an office works it: default (newest first), by state(s), by year, both; page 1 of 20.
  const states = ['submitted', 'submitted,screening', 'editing', 'published', 'returned,archived'];
  const lists = Array.from({ length: n }, (_, i) => {
    const q: Record<string, string> = { page: '1', pageSize: '20' };
    if (i % 4 === 1 || i % 4 === 3) q.state = rand.pick(states);
    if (i % 4 >= 2) q.year = rand.pick(['2025', '2026']);
    return { user: rand.pick(users), q };
  });
  log(`social-info: list, ${n} requests …`);
  const listBase = await baseline(db, users, n, o.seed + 12);
  const list = await measure(lists, async (c) => (await listItems(db, office(c.user), listQuery.parse(c.q))).total);

  const cities = users.filter((u) => u.committee.level === 'city');
  const cityCases = Array.from({ length: n }, () => rand.pick(cities.length ? cities : users));
  log(`social-info: a city office's default list, ${n} requests …`);
  const cityBase = await baseline(db, cities.length ? cities : users, n, o.seed + 13);
  const city = await measure(cityCases, async (u) => (await listItems(db, office(u), listQuery.parse({ page: '1', pageSize: '20' }))).total);

  // Search: 1–3 words of one topic's sentence or title, as typed by someone looking for earlier items on a matter.
  const corpus = buildInfoCorpus();
  const searches = Array.from({ length: n }, () => {
    const t = rand.pick(corpus);
    const words = [...new Set(rand.pick(t.sentences).tokens.concat(rand.pick(t.titles).tokens))].filter((w) => [...w].length >= 2);
    const k = 1 + rand.int(3);
    const picked: string[] = [];
    while (picked.length < Math.min(k, words.length)) {
      const w = rand.pick(words);
      if (!picked.includes(w)) picked.push(w);
    }
    return { user: rand.pick(users), q: picked.join('') };
  });
  log(`social-info: search, ${n} requests …`);
  const searchBase = await baseline(db, users, n, o.seed + 14);
  let empty = 0;
  const search = await measure(searches, async (c) => {
    const r = await listItems(db, office(c.user), listQuery.parse({ q: c.q, page: '1', pageSize: '20' }));
    if (!r.total) empty++;
    return r.total;
  });
  const timed = (t: { summary: Summary; meanMatches: number }, b: Summary): InfoTimed => ({ ...t, baseline: b, ratio: t.summary.p95 / b.p95 });
  return {
    data,
    committees: users.map((u) => ({ code: u.committee.code, level: u.committee.level, items: sizes.get(u.committee.id) ?? 0 })),
    list: timed(list, listBase),
    cityDefaultList: timed(city, cityBase),
    search: { ...timed(search, searchBase), emptyShare: empty / (searches.length + Math.min(WARMUP, searches.length)) },
  };
}
