import { sql } from 'drizzle-orm';
import { type Database, type Db } from '../src/platform/db/database.js';
import { INFO_TOPICS } from '../src/modules/social-info/seed/demo-topics.js';
import { tokenize } from '../src/platform/text/index.js';
import { buildCorpus } from './proposals-corpus.js';
import { reuseOrGenerate } from './dataset.js';
import { log, now } from './stats.js';

/**
 * The generated 社情民意 items: `count` items over every committee of the data set (in
 * proportion to its members), submitted over 2025–2026, in every workflow state, each with one
 * or two member authors of its committee. Written by SQL (generate_series over a corpus table),
 * made once and reused (bench_dataset key 'social-info').
 *
 * The corpus: the demo's item topics (situation, problems, suggestions; src/modules/social-info/
 * seed/demo-topics.ts, filled in with the 14 county names of 定西 and 金昌) and the proposals
 * bench corpus, cut into sentences, each segmented once with the product's tokenizer — so an
 * item's `tokens` (title tokens ++ its sentences' tokens) are the jieba words tokenize() gives
 * for its text: a vocabulary of a few thousand real words. An item: a title of a topic, four
 * sentences of it and one of another topic.
 *
 * Not written: versions, events, issues, forwards (no part measures them).
 */
export interface InfoDataInfo {
  items: number;
  committees: number;
  vocabulary: number;
  sentences: number;
  generationSeconds: number;
  generatedAt: string;
  reused: boolean;
}

const KEY = 'social-info';
const COUNTIES = ['安定区', '通渭县', '陇西县', '渭源县', '临洮县', '漳县', '岷县', '金川区', '永昌县'];

export interface InfoCorpusTopic {
  titles: { text: string; tokens: string[] }[];
  sentences: { text: string; tokens: string[] }[];
}

const sentencesOf = (body: string) => body.split(/(?<=[。；])/u).map((s) => s.trim()).filter((s) => s.length >= 6);

export function buildInfoCorpus(): InfoCorpusTopic[] {
  const tok = (text: string) => ({ text, tokens: tokenize(text) });
  const fill = (s: string, k: number) => s.replaceAll('{city}', k % 2 ? '定西市' : '金昌市').replaceAll('{county}', COUNTIES[k % COUNTIES.length]);
  const mine = INFO_TOPICS.map((t) => ({
    titles: t.titles.flatMap((x, k) => [fill(x, k), fill(x, k + 3)]).filter((x, i, a) => a.indexOf(x) === i).map(tok),
    sentences: [...t.situation, ...t.problems.map((p) => `主要问题是${p}`), ...t.suggestions.map((s) => `建议${s}。`)]
      .flatMap((x, k) => [fill(x, k), fill(x, k + 4)]).filter((x, i, a) => a.indexOf(x) === i).flatMap(sentencesOf).map(tok),
  }));
  const proposals = buildCorpus().topics.map((t) => ({ titles: t.titles, sentences: t.sentences }));
  return [...mine, ...proposals].filter((t) => t.titles.length && t.sentences.length >= 3);
}

export async function ensureSocialInfo(database: Database, count: number): Promise<InfoDataInfo> {
  return reuseOrGenerate<Omit<InfoDataInfo, 'reused'>>(database, { key: KEY, label: 'social-info', size: (i) => i.items, unit: 'items' }, count, (db) => generate(db, count));
}

async function generate(db: Db, count: number): Promise<Omit<InfoDataInfo, 'reused'>> {
  const t0 = now();
  const step = (what: string) => log(`social-info: ${what} (${((now() - t0) / 1000).toFixed(1)} s)`);
  await db.execute(sql`truncate social_info_results, social_info_forwards, social_info_versions, social_info_officers, social_info_items,
    social_info_issue_counters, social_info_issues, social_info_periodicals, social_info_topics cascade`);
  await db.execute(sql`delete from bench_dataset where key = ${KEY}`);

  const T = buildInfoCorpus();
  const vocabulary = new Set(T.flatMap((t) => [...t.titles, ...t.sentences].flatMap((s) => s.tokens))).size;
  const sentences = T.reduce((n, t) => n + t.sentences.length, 0);
  step(`corpus: ${T.length} topics, ${sentences} sentences, ${vocabulary} distinct words`);
  await db.execute(sql.raw(`
    drop table if exists bench_si_topic, bench_si_title, bench_si_sent, bench_si_alloc, bench_si_member;
    create unlogged table bench_si_topic (topic int primary key, n_titles int, n_sent int);
    create unlogged table bench_si_title (topic int, k int, text text, tokens text[], primary key (topic, k));
    create unlogged table bench_si_sent (topic int, k int, text text, tokens text[], primary key (topic, k));`));
  const json = (x: unknown) => JSON.stringify(x);
  await db.execute(sql`insert into bench_si_topic select * from jsonb_to_recordset(${json(T.map((t, i) => ({ topic: i, n_titles: t.titles.length, n_sent: t.sentences.length })))}::jsonb)
    as x(topic int, n_titles int, n_sent int)`);
  await db.execute(sql`insert into bench_si_title select * from jsonb_to_recordset(${json(T.flatMap((t, i) => t.titles.map((s, k) => ({ topic: i, k, ...s }))))}::jsonb)
    as x(topic int, k int, text text, tokens text[])`);
  await db.execute(sql`insert into bench_si_sent select * from jsonb_to_recordset(${json(T.flatMap((t, i) => t.sentences.map((s, k) => ({ topic: i, k, ...s }))))}::jsonb)
    as x(topic int, k int, text text, tokens text[])`);
  await db.execute(sql.raw(`
    create unlogged table bench_si_member as
      select id, committee_id, row_number() over (partition by committee_id order by id) - 1 as rn, count(*) over (partition by committee_id) as cnt from members;
    create index on bench_si_member (committee_id, rn);
    analyze bench_si_member;`));
  await db.execute(sql`create unlogged table bench_si_alloc as
    with m as (select c.id as committee_id, (select count(*) from members x where x.committee_id = c.id) as n from committees c),
         cum as (select *, sum(n) over (order by committee_id) as upto, sum(n) over () as total from m)
    select committee_id, (floor(${count}::numeric * upto / total) - floor(${count}::numeric * (upto - n) / total))::int as n,
           floor(${count}::numeric * (upto - n) / total)::bigint as first_seq
      from cum where total > 0 and n > 0`);
  step('corpus and allocation written');

  const { rows: defs } = await db.execute<{ name: string; def: string }>(sql`
    select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = 'social_info_items'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
  for (const d of defs) await db.execute(sql.raw(`drop index if exists "${d.name}"`));
  const skipFks = await db.execute(sql`set session_replication_role = replica`).then(() => true, () => false);
  try {
    // Submitted over 2025-01-01 … 2026-11-20 (China time); recent items are still on their way, older ones mostly published.
    await db.execute(sql.raw(`
      insert into social_info_items (committee_id, source_kind, source_name, member_ids, urgent, title, body, tokens, state, reason,
                                     created_at, updated_at, submitted_at, published_at)
      select a.committee_id, sk.kind, case when sk.kind in ('organisation', 'sector') then (array['民盟','民建','九三学社','农业界','医药卫生界'])[1 + h.h3 % 5] end,
             case when sk.kind in ('organisation', 'sector') then '{}'::uuid[]
                  when h.h4 % 10 = 0 then array[m1.id, m2.id] else array[m1.id] end,
             h.h5 % 20 = 0,
             ti.text, s1.text || s2.text || s5.text || chr(10) || s3.text || s4.text, tk.tokens, st.state,
             case when st.state in ('returned', 'archived') then '请补充具体数据' end,
             ts.at, ts.at + interval '3 days', ts.at, case when st.state = 'published' then ts.at + interval '12 days' end
        from bench_si_alloc a
        cross join lateral generate_series(1, a.n) g(i)
        cross join lateral (select (hashint8(a.first_seq + g.i) & 2147483647) as h0,
                                   (hashint8((a.first_seq + g.i) * 7 + 1) & 2147483647) as h1, (hashint8((a.first_seq + g.i) * 7 + 2) & 2147483647) as h2,
                                   (hashint8((a.first_seq + g.i) * 7 + 3) & 2147483647) as h3, (hashint8((a.first_seq + g.i) * 7 + 4) & 2147483647) as h4,
                                   (hashint8((a.first_seq + g.i) * 7 + 5) & 2147483647) as h5, (hashint8((a.first_seq + g.i) * 7 + 6) & 2147483647) as h6) h
        join bench_si_topic tp on tp.topic = h.h0 % ${T.length}
        join bench_si_topic tq on tq.topic = h.h1 % ${T.length}
        join bench_si_title ti on ti.topic = tp.topic and ti.k = h.h3 % tp.n_titles
        join bench_si_sent s1 on s1.topic = tp.topic and s1.k = h.h4 % tp.n_sent
        join bench_si_sent s2 on s2.topic = tp.topic and s2.k = (h.h4 / 7 + 1) % tp.n_sent
        join bench_si_sent s3 on s3.topic = tp.topic and s3.k = (h.h6 / 3 + 2) % tp.n_sent
        join bench_si_sent s4 on s4.topic = tp.topic and s4.k = (h.h5 / 5) % tp.n_sent
        join bench_si_sent s5 on s5.topic = tq.topic and s5.k = h.h6 % tq.n_sent
        join bench_si_member m0 on m0.committee_id = a.committee_id and m0.rn = 0
        join bench_si_member m1 on m1.committee_id = a.committee_id and m1.rn = h.h2 % m0.cnt
        join bench_si_member m2 on m2.committee_id = a.committee_id and m2.rn = (h.h2 / 3 + 1) % m0.cnt
        cross join lateral (select ti.tokens || s1.tokens || s2.tokens || s5.tokens || s3.tokens || s4.tokens as tokens) tk
        cross join lateral (select case when h.h1 / 13 % 10 < 6 then 'member' when h.h1 / 13 % 10 < 9 then 'officer' when h.h1 / 13 % 2 = 0 then 'organisation' else 'sector' end as kind) sk
        cross join lateral (select timestamptz '2025-01-01 08:00+08' + (h.h2 % 689) * interval '1 day' + (h.h6 % 600) * interval '1 minute' as at) ts
        cross join lateral (select case when ts.at > timestamptz '2026-10-20 00:00+08' then
                     (array['submitted','submitted','screening','editing','sign_off','returned'])[1 + h.h5 / 7 % 6]
                   else (array['published','published','published','published','published','published','archived','archived','merged','returned'])[1 + h.h5 / 7 % 10]
                 end as state) st`));
    step(`${count} items inserted`);
  } finally {
    if (skipFks) await db.execute(sql`set session_replication_role = origin`);
  }
  for (const d of defs) await db.execute(sql.raw(d.def));
  step(`${defs.length} indexes rebuilt`);
  await db.execute(sql.raw('vacuum analyze social_info_items'));
  await db.execute(sql.raw('drop table if exists bench_si_alloc, bench_si_member'));
  step('vacuum analyze done');
  const { rows } = await db.execute<{ n: number; c: number }>(sql`select count(*)::int as n, count(distinct committee_id)::int as c from social_info_items`);
  return {
    items: rows[0].n, committees: rows[0].c, vocabulary, sentences,
    generationSeconds: Math.round((now() - t0) / 100) / 10, generatedAt: new Date().toISOString(),
  };
}
