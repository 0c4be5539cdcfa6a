import { sql } from 'drizzle-orm';
import { type Database, type Db } from '../src/platform/db/database.js';
import { buildCorpus } from './proposals-corpus.js';
import { reuseOrGenerate } from './dataset.js';
import { log, now } from './stats.js';

/**
 * The generated proposals: `count` proposals over every committee of the data set (in
 * proportion to its members), in five plenary sessions of its current term, in every state of
 * the workflow, with first signers and co-signers among the committee's members, lead (and
 * some co-) units among 40 handling units per committee (定西's departments), numbers, dates
 * and the committee's token document frequencies. Written by SQL (generate_series over a small
 * corpus table), not row by row; made once and reused (bench_dataset key 'proposals').
 *
 * Titles and sentences come from proposals-corpus.ts, segmented once in JS with the product's
 * tokenizer, so `tokens` hold real jieba words. Each proposal: a title of a topic, a place
 * frame, three sentences of its topic and one of another topic.
 *
 * What it does not write: events, audit rows, replies and feedback (no part measures them);
 * merged proposals have no master (merged_into_id null).
 */
export interface ProposalDataInfo {
  proposals: number;
  signers: number;
  assignments: number;
  committees: number;
  sessionsPerCommittee: number;
  generationSeconds: number;
  generatedAt: string;
  reused: boolean;
}

const KEY = 'proposals';
export const SESSIONS = 5;

export async function ensureProposals(database: Database, count: number): Promise<ProposalDataInfo> {
  return reuseOrGenerate<Omit<ProposalDataInfo, 'reused'>>(database, { key: KEY, label: 'proposals', size: (i) => i.proposals, unit: 'proposals' }, count, (db) => generate(db, count));
}

const TABLES = ['proposals', 'proposal_signers', 'proposal_assignments'];

/**
 * BENCH-ONLY, pending a migration (the proposals migration is not this bench's to write): the
 * committee-scoped GIN index the similar check and full-text search use. Without it, `tokens`
 * conditions go through the global GIN index and read every committee's matches.
 * The DDL to add to a migration is exactly these two statements.
 */
async function generate(db: Db, count: number): Promise<Omit<ProposalDataInfo, 'reused'>> {
  const t0 = now();
  const step = (what: string) => log(`proposals: ${what} (${((now() - t0) / 1000).toFixed(1)} s)`);
  // Start clean: an earlier, interrupted or different-size generation leaves nothing behind.
  await db.execute(sql`truncate proposal_feedback, proposal_countersigns, proposal_replies, proposal_assignments, proposal_signers,
    proposal_token_df, proposal_counters, proposals cascade`);
  await db.execute(sql`delete from bench_dataset where key = ${KEY}`);

  const corpus = buildCorpus();
  step(`corpus: ${corpus.topics.length} topics, ${corpus.topics.reduce((n, t) => n + t.sentences.length, 0)} sentences, ${corpus.places.length} place frames`);
  await db.execute(sql.raw(`
    drop table if exists bench_prop_title_topic, bench_prop_topic, bench_prop_title, bench_prop_sent, bench_prop_place, bench_prop_alloc, bench_prop_member, bench_prop_session;
    create unlogged table bench_prop_topic (topic int primary key, category text, lead text, n_titles int, n_sent int);
    create unlogged table bench_prop_title (topic int, k int, text text, tokens text[], primary key (topic, k));
    create unlogged table bench_prop_sent (topic int, k int, text text, tokens text[], primary key (topic, k));
    create unlogged table bench_prop_place (k int primary key, text text, tokens text[]);`));
  const json = (x: unknown) => JSON.stringify(x);
  const T = corpus.topics;
  await db.execute(sql`insert into bench_prop_topic select * from jsonb_to_recordset(${json(T.map((t, i) => ({
    topic: i, category: t.category, lead: t.lead, n_titles: t.titles.length, n_sent: t.sentences.length })))}::jsonb)
    as x(topic int, category text, lead text, n_titles int, n_sent int)`);
  await db.execute(sql`insert into bench_prop_title select * from jsonb_to_recordset(${json(T.flatMap((t, i) => t.titles.map((s, k) => ({ topic: i, k, ...s }))))}::jsonb)
    as x(topic int, k int, text text, tokens text[])`);
  await db.execute(sql`insert into bench_prop_sent select * from jsonb_to_recordset(${json(T.flatMap((t, i) => t.sentences.map((s, k) => ({ topic: i, k, ...s }))))}::jsonb)
    as x(topic int, k int, text text, tokens text[])`);
  await db.execute(sql`insert into bench_prop_place select * from jsonb_to_recordset(${json(corpus.places.map((s, k) => ({ k, ...s })))}::jsonb)
    as x(k int, text text, tokens text[])`);

  // Handling units (定西's 40 departments) in every committee, and five sessions of the current term.
  await db.execute(sql`insert into handling_units (committee_id, name, kind, duties)
    select c.id, u.name, u.kind, u.duties from committees c, jsonb_to_recordset(${json(corpus.units)}::jsonb) as u(name text, kind text, duties text)
    on conflict (committee_id, name) do nothing`);
  await db.execute(sql`insert into plenary_sessions (committee_id, term_id, number, name, start_date)
    select c.id, t.id, n, c.short_name || t.name || '委员会第' || (array['一','二','三','四','五'])[n] || '次会议', make_date(2021 + n, 1, 10)
      from committees c join terms t on t.committee_id = c.id and t.is_current, generate_series(1, ${SESSIONS}) n
    on conflict (committee_id, term_id, number) do nothing`);
  await db.execute(sql.raw(`
    create unlogged table bench_prop_session as
      select s.committee_id, s.number, s.id, s.start_date from plenary_sessions s join terms t on t.id = s.term_id and t.is_current where s.number <= ${SESSIONS};
    create index on bench_prop_session (committee_id, number);
    create unlogged table bench_prop_member as
      select id, committee_id, row_number() over (partition by committee_id order by id) - 1 as rn, count(*) over (partition by committee_id) as cnt from members;
    create index on bench_prop_member (committee_id, rn);
    analyze bench_prop_session; analyze bench_prop_member;`));
  // Proposals per committee in proportion to its members; cumulative rounding makes the sum exact.
  await db.execute(sql`create unlogged table bench_prop_alloc as
    with m as (select c.id as committee_id, t.id as term_id, (select count(*) from members x where x.committee_id = c.id) as n
                 from committees c join terms t on t.committee_id = c.id and t.is_current),
         cum as (select *, sum(n) over (order by committee_id) as upto, sum(n) over () as total from m)
    select committee_id, term_id, (floor(${count}::numeric * upto / total) - floor(${count}::numeric * (upto - n) / total))::int as n,
           floor(${count}::numeric * (upto - n) / total)::bigint as first_seq
      from cum where total > 0`);
  step('corpus, units, sessions and allocation written');

  // Secondary indexes are dropped for the load and rebuilt once (far faster than maintaining them row by row).
  const { rows: defs } = await db.execute<{ name: string; def: string }>(sql`
    select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename in (select jsonb_array_elements_text(${json(TABLES)}::jsonb))
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
  for (const d of defs) await db.execute(sql.raw(`drop index if exists "${d.name}"`));
  // Foreign keys are checked by triggers: skip them for the bulk load (every id written here comes from the tables it refers to).
  const skipFks = await db.execute(sql`set session_replication_role = replica`).then(() => true, () => false);
  if (!skipFks) log('proposals: cannot skip foreign-key triggers (not a superuser): loading with them');
  try {
    await db.execute(sql.raw(`
      insert into proposals (committee_id, term_id, session_id, occasion, kind, submitter_name, title, body, category, state, round,
                             number_scope, number, number_label, reply_class, tokens, title_tokens, df_tokens,
                             created_at, updated_at, submitted_at, filed_at, released_at, closed_at)
      select a.committee_id, a.term_id, s.id, case when h.h2 % 10 = 0 then 'between_sessions' else 'plenary' end, k.kind,
             case when k.kind = 'party_group' then (array['民革','民盟','民建','民进','农工党','九三学社'])[1 + h.h3 % 6] || '小组' end,
             ti.text, pl.text || s1.text || s2.text || s4.text || s3.text, tp.category, st.state, 1,
             case when st.numbered then s.id::text end, case when st.numbered then g.i end, case when st.numbered then '第' || g.i || '号' end,
             case when st.state in ('released', 'closed') then (array['A','A','B','B','B','C'])[1 + h.h4 % 6] end,
             tk.tokens, ti.tokens, case when st.state <> 'draft' then array(select distinct x from unnest(tk.tokens) x order by 1) end,
             s.start_date - 20 + (h.h5 % 15), s.start_date + (h.h5 % 200),
             case when st.state <> 'draft' then s.start_date - 5 + (h.h5 % 10) end,
             case when st.numbered then s.start_date + 15 + (h.h5 % 10) end,
             case when st.state in ('released', 'closed', 'carried_over') then s.start_date + 100 + (h.h5 % 60) end,
             case when st.state = 'closed' then s.start_date + 170 + (h.h5 % 60) end
        from bench_prop_alloc a
        cross join lateral generate_series(1, a.n) g(i)
        cross join lateral (select (hashint8(a.first_seq + g.i) & 2147483647) as h0,
                                   (hashint8((a.first_seq + g.i) * 7 + 1) & 2147483647) as h1, (hashint8((a.first_seq + g.i) * 7 + 2) & 2147483647) as h2,
                                   (hashint8((a.first_seq + g.i) * 7 + 3) & 2147483647) as h3, (hashint8((a.first_seq + g.i) * 7 + 4) & 2147483647) as h4,
                                   (hashint8((a.first_seq + g.i) * 7 + 5) & 2147483647) as h5, (hashint8((a.first_seq + g.i) * 7 + 6) & 2147483647) as h6) h
        join bench_prop_topic tp on tp.topic = h.h0 % ${T.length}
        join bench_prop_topic tq on tq.topic = h.h1 % ${T.length}
        join bench_prop_session s on s.committee_id = a.committee_id and s.number = 1 + h.h2 % ${SESSIONS}
        join bench_prop_title ti on ti.topic = tp.topic and ti.k = h.h3 % tp.n_titles
        join bench_prop_sent s1 on s1.topic = tp.topic and s1.k = h.h4 % tp.n_sent
        join bench_prop_sent s2 on s2.topic = tp.topic and s2.k = (h.h4 / 7) % tp.n_sent
        join bench_prop_sent s3 on s3.topic = tp.topic and s3.k = (h.h6 / 3) % tp.n_sent
        join bench_prop_sent s4 on s4.topic = tq.topic and s4.k = h.h6 % tq.n_sent
        join bench_prop_place pl on pl.k = (h.h5 / 11) % ${corpus.places.length}
        cross join lateral (select case when h.h1 / 13 % 10 < 7 then 'individual' when h.h1 / 13 % 10 < 9 then 'joint' else 'party_group' end as kind) k
        cross join lateral (select ti.tokens || pl.tokens || s1.tokens || s2.tokens || s4.tokens || s3.tokens as tokens) tk
        cross join lateral (select x.state, x.state in ('filed','assigned','objected','handling','countersigning','reply_review','released','closed','carried_over') as numbered
          from (select case when s.number < ${SESSIONS} then
                   case when h.h2 / 10 % 1000 < 650 then 'closed' when h.h2 / 10 % 1000 < 770 then 'merged' when h.h2 / 10 % 1000 < 820 then 'not_filed'
                        when h.h2 / 10 % 1000 < 870 then 'converted' when h.h2 / 10 % 1000 < 920 then 'released' when h.h2 / 10 % 1000 < 950 then 'carried_over'
                        when h.h2 / 10 % 1000 < 980 then 'withdrawn' else 'closed' end
                 else
                   case when h.h2 / 10 % 1000 < 100 then 'submitted' when h.h2 / 10 % 1000 < 150 then 'draft' when h.h2 / 10 % 1000 < 250 then 'filed'
                        when h.h2 / 10 % 1000 < 400 then 'assigned' when h.h2 / 10 % 1000 < 600 then 'handling' when h.h2 / 10 % 1000 < 650 then 'countersigning'
                        when h.h2 / 10 % 1000 < 700 then 'reply_review' when h.h2 / 10 % 1000 < 800 then 'released' when h.h2 / 10 % 1000 < 850 then 'closed'
                        when h.h2 / 10 % 1000 < 930 then 'merged' when h.h2 / 10 % 1000 < 960 then 'not_filed' else 'converted' end
                 end as state) x) st`));
    step(`${count} proposals inserted`);
    // First signer for every proposal; two co-signers (confirmed) for joint ones.
    await db.execute(sql.raw(`
      insert into proposal_signers (committee_id, proposal_id, member_id, position, status, responded_at)
      select p.committee_id, p.id, m.id, pos, case when pos = 1 then 'first' else 'confirmed' end, case when pos > 1 then p.submitted_at end
        from proposals p
        join bench_prop_member m0 on m0.committee_id = p.committee_id and m0.rn = 0
        cross join lateral generate_series(1, case when p.kind = 'joint' then 3 else 1 end) pos
        -- One index lookup per signer (a plain join on an expression scans the whole committee's members for each proposal).
        cross join lateral (select m.id from bench_prop_member m where m.committee_id = p.committee_id
                               and m.rn = ((hashtext(p.id::text) & 2147483647) % m0.cnt + (pos - 1) * 17) % m0.cnt limit 1) m`));
    step('signers inserted');
    // The topic's lead unit (9 in 10; else another unit) for every assigned proposal, a co-handler for 3 in 10.
    const names = `array[${corpus.units.map((u) => `'${u.name}'`).join(',')}]`;
    await db.execute(sql.raw(`
      create unlogged table bench_prop_title_topic as select distinct on (text) text, topic from bench_prop_title order by text, topic;
      analyze bench_prop_title_topic;
      insert into proposal_assignments (committee_id, proposal_id, unit_id, role, status, assigned_on, deadline, objection_until, created_at)
      select p.committee_id, p.id, u.id, r.role, 'active', p.filed_at::date + 5, p.filed_at::date + 95, p.filed_at::date + 12, p.filed_at + interval '5 days'
        from proposals p
        join bench_prop_title_topic ti on ti.text = p.title
        join bench_prop_topic tp on tp.topic = ti.topic
        cross join lateral (select hashtext(p.id::text || 'u') & 2147483647 as h) x
        cross join lateral (values ('lead', case when x.h % 10 <> 0 then tp.lead else (${names})[1 + x.h / 10 % ${corpus.units.length}] end),
                                   ('co', case when x.h / 100 % 10 < 3 then (${names})[1 + x.h / 400 % ${corpus.units.length}] end)) r(role, unit)
        join handling_units u on u.committee_id = p.committee_id and u.name = r.unit
       where p.state in ('assigned','objected','handling','countersigning','reply_review','released','closed','carried_over')
         and (r.role = 'lead' or r.unit <> tp.lead)`));
    step('assignments inserted');
  } finally {
    if (skipFks) await db.execute(sql`set session_replication_role = origin`);
  }
  for (const d of defs) await db.execute(sql.raw(d.def));
  step(`${defs.length} indexes rebuilt`);
  step('bench-only index (pending a migration) built');
  await db.execute(sql`insert into proposal_token_df (committee_id, token, df)
    select committee_id, '', count(*) from proposals where df_tokens is not null group by committee_id
    union all
    select committee_id, t, count(*) from proposals, unnest(df_tokens) t where df_tokens is not null group by committee_id, t`);
  step('token document frequencies written');
  await db.execute(sql`insert into proposal_counters (committee_id, scope, last_number)
    select committee_id, number_scope, max(number) from proposals where number_scope is not null group by 1, 2`);
  for (const t of [...TABLES, 'proposal_token_df', 'handling_units', 'plenary_sessions']) await db.execute(sql.raw(`vacuum analyze ${t}`));
  await db.execute(sql.raw('drop table if exists bench_prop_alloc, bench_prop_member, bench_prop_session, bench_prop_title_topic'));
  step('vacuum analyze done');
  const { rows } = await db.execute<{ p: number; s: number; a: number; c: number }>(sql`select
    (select count(*) from proposals)::int as p, (select count(*) from proposal_signers)::int as s,
    (select count(*) from proposal_assignments)::int as a, (select count(distinct committee_id) from proposals)::int as c`);
  return {
    proposals: rows[0].p, signers: rows[0].s, assignments: rows[0].a, committees: rows[0].c, sessionsPerCommittee: SESSIONS,
    generationSeconds: Math.round((now() - t0) / 100) / 10, generatedAt: new Date().toISOString(),
  };
}
