import { sql } from 'drizzle-orm';
import { connect, type Database, type Db } from '../src/platform/db/database.js';
import { PRESETS, type DutyKind, type PresetKey } from '../src/modules/performance/index.js';
import { log, now } from './stats.js';

/**
 * Duty-performance data for the bench: a rule set (a preset) per committee for the bench year
 * and `records` duty records (履职记录) spread over the year for the data set's active members,
 * with the members each record credits. Made with set-based SQL (generate_series), in chunks of
 * about 500,000 records, two statements at a time; the two big tables' indexes and constraints
 * are dropped for the load and built (foreign keys validated) after it. A row in bench_dataset marks the data complete, so a
 * re-run reuses it; a different record count, or an interrupted load, starts the data again.
 *
 * The heap is written in date order across committees (as a year of use would write it), not
 * committee by committee: a committee's records are scattered over the table, so the per-committee
 * assessment does not get a flattering locality the real data would not have.
 */
export const BENCH_YEAR = 2025;
const MARKER = 'performance';
const DDL = 'performance:ddl';
const PROGRESS = 'performance:progress';

export interface PerformanceDataInfo {
  year: number;
  records: number;
  recordMembers: number;
  /** Of the records: verified, submitted (pending), rejected. */
  byStatus: Record<string, number>;
  /** Records that name more than one member (joint proposals, group trips). */
  jointRecords: number;
  ruleSets: Record<string, number>;
  generatedAt: string;
  generationSeconds: number;
  reused: boolean;
}

/** Share of records per kind (before normalising). Attendance, proposals and 述职 come from the system; the rest is self-reported. */
const KIND_WEIGHTS: [DutyKind, number][] = [
  ['plenary', 3], ['standing_meeting', 2.5], ['consultation', 7], ['other_meeting', 9], ['speech', 2],
  ['proposal', 6], ['proposal_filed', 4], ['proposal_key', 0.5], ['proposal_excellent', 0.5],
  ['social_info', 10], ['social_info_adopted', 3], ['leader_instruction', 1],
  ['research', 8], ['inspection', 5], ['supervision', 3], ['training', 5], ['reading', 5], ['liaison', 7],
  ['investment', 3], ['service', 6], ['annual_report', 0.5], ['absence_plenary', 0.5], ['absence_meeting', 2], ['other', 2.5],
];
const SOURCE_TYPE: Partial<Record<DutyKind, string>> = {
  plenary: 'attendance', standing_meeting: 'attendance', consultation: 'attendance', other_meeting: 'attendance',
  absence_plenary: 'attendance', absence_meeting: 'attendance',
  proposal: 'proposals', proposal_filed: 'proposals', proposal_key: 'proposals', proposal_excellent: 'proposals',
  social_info_adopted: 'social_info', annual_report: 'annual_report',
};
const TITLES: Record<DutyKind, string> = {
  plenary: '出席政协全体会议', standing_meeting: '出席政协常委会议', consultation: '参加专题协商会', other_meeting: '参加主席会议扩大会议',
  speech: '在全体会议上作大会发言', proposal: '关于加强农村饮水安全保障的提案', proposal_filed: '提案经审查立案',
  proposal_key: '提案列为年度重点提案', proposal_excellent: '提案获评优秀提案', social_info: '关于规范校外培训收费的社情民意信息',
  social_info_adopted: '社情民意信息被省政协采用', leader_instruction: '反映问题获市委主要领导批示', research: '赴县区开展乡村振兴专题调研',
  inspection: '视察城区老旧小区改造工作', supervision: '参加营商环境民主监督', training: '参加委员履职能力培训班',
  reading: '参加书香政协读书活动', liaison: '在委员工作站接待界别群众', investment: '赴长三角开展招商考察', service: '参加助学公益活动',
  annual_report: '提交常委年度述职报告', absence_plenary: '无故缺席全体会议', absence_meeting: '无故缺席常委会议', other: '参加其他履职活动',
};
const JOINT: DutyKind[] = ['proposal', 'proposal_filed', 'proposal_key', 'proposal_excellent'];
const GROUP_TRIPS: DutyKind[] = ['research', 'inspection'];
/** Presets by committee: 安庆 for half, 桐城 for three in ten, 济南 for the rest. */
const PRESET_OF = (i: number): PresetKey => (i % 10 < 5 ? 'anqing' : i % 10 < 8 ? 'tongcheng' : 'jinan');

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (ks: readonly string[]) => ks.map(lit).join(', ');

function kindCase(r: string): string {
  const total = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = KIND_WEIGHTS.slice(0, -1).map(([k, w]) => {
    acc += w / total;
    return `when ${r} < ${acc.toFixed(6)} then ${lit(k)}`;
  });
  return `case ${whens.join(' ')} else ${lit(KIND_WEIGHTS[KIND_WEIGHTS.length - 1][0])} end`;
}
const caseOf = (col: string, map: Partial<Record<string, string>>, otherwise: string) =>
  `case ${col} ${Object.entries(map).map(([k, v]) => `when ${lit(k)} then ${lit(v!)}`).join(' ')} else ${otherwise} end`;

async function readMarker(db: Db): Promise<Omit<PerformanceDataInfo, 'reused'> | undefined> {
  const { rows } = await db.execute<{ value: Omit<PerformanceDataInfo, 'reused'> }>(sql`select value from bench_dataset where key = ${MARKER}`);
  return rows[0]?.value;
}

/** The performance data of the bench database, generated when missing. */
export async function ensurePerformanceData(database: Database, records: number): Promise<PerformanceDataInfo> {
  const db = database.db;
  const marker = await readMarker(db);
  if (marker && marker.records === records) return { ...marker, reused: true };
  if (marker) log(`performance: the data set holds ${marker.records} duty records, not ${records}: generating again`);
  const info = await generate(database, records);
  await db.execute(sql`insert into bench_dataset (key, value) values (${MARKER}, ${JSON.stringify(info)}::jsonb)
    on conflict (key) do update set value = excluded.value`);
  return { ...info, reused: false };
}

async function generate(database: Database, records: number): Promise<Omit<PerformanceDataInfo, 'reused'>> {
  const t0 = now();
  const sep = database.url.includes('?') ? '&' : '?';
  const gen = connect(`${database.url}${sep}options=${encodeURIComponent('-c synchronous_commit=off -c work_mem=256MB -c maintenance_work_mem=1GB')}`, 2);
  const db = gen.db;
  try {
    await db.execute(sql`delete from bench_dataset where key = ${MARKER}`);
    // An interrupted load of the same size resumes at the chunks it had not finished (each chunk commits with its progress row).
    const chunks = Math.max(4, Math.ceil(records / 500_000));
    type Progress = { records: number; chunks: number; done: number[]; seconds: number };
    const progress = (await db.execute<{ value: Progress }>(sql`select value from bench_dataset where key = ${PROGRESS}`)).rows[0]?.value;
    const resume = progress?.records === records && progress.chunks === chunks;
    if (resume) log(`performance: resuming an interrupted load (${progress.done.length}/${chunks} chunks were done)`);
    const secondsBefore = resume ? progress.seconds : 0;
    if (!resume) {
      // Everything this part writes (an interrupted or other-sized earlier load, earlier bench assessments).
      await db.execute(sql`truncate perf_assessment_results, perf_assessments, perf_record_members, perf_duty_records, perf_rule_sets`);

      // Helper tables: the active members of each committee numbered 1…n in a random order, and each committee's share of the records.
      await db.execute(sql`drop table if exists bench_perf_members, bench_perf_committees`);
      await db.execute(sql`create table bench_perf_members as
        select committee_id, row_number() over (partition by committee_id order by md5(id::text))::int as n, id as member_id
        from members where status = 'active'`);
      await db.execute(sql`alter table bench_perf_members add primary key (committee_id, n)`);
      const { rows: sizes } = await db.execute<{ committee_id: string; size: number }>(sql`
        select committee_id, count(*)::int as size from bench_perf_members group by committee_id order by committee_id`);
      const active = sizes.reduce((s, c) => s + c.size, 0);
      if (!active) throw new Error('bench performance: no active members in the data set');
      let given = 0;
      const shares = sizes.map((c, i) => {
        const upTo = Math.round((records * sizes.slice(0, i + 1).reduce((s, x) => s + x.size, 0)) / active);
        const n = upTo - given;
        given = upTo;
        return { idx: i, committee_id: c.committee_id, size: c.size, records: n };
      });
      await db.execute(sql`create table bench_perf_committees (idx int primary key, committee_id uuid not null, size int not null, records int not null, preset text not null)`);
      for (let i = 0; i < shares.length; i += 2000) {
        const chunk = shares.slice(i, i + 2000).map((s) => ({ ...s, preset: PRESET_OF(s.idx) }));
        await db.execute(sql`insert into bench_perf_committees select * from json_populate_recordset(null::bench_perf_committees, ${JSON.stringify(chunk)}::json)`);
      }

      // Rules: each committee's preset as its version 1 of the year (the parsed rules, as saveRules stores them).
      for (const [key, preset] of Object.entries(PRESETS)) {
        await db.execute(sql`insert into perf_rule_sets (committee_id, year, version, rules, note)
          select committee_id, ${BENCH_YEAR}, 1, ${JSON.stringify(preset.rules)}::jsonb, ${`bench：采用${preset.label}`}
          from bench_perf_committees where preset = ${key}`);
      }
      await db.execute(sql`insert into bench_dataset (key, value) values (${PROGRESS}, ${JSON.stringify({ records, chunks, done: [], seconds: 0 })}::jsonb)
        on conflict (key) do update set value = excluded.value`);
    }

    // Indexes and constraints of the two big tables off during the load (rebuilt after it: a sorted build instead of
    // 40 million random B-tree inserts), the WAL allowed to grow between checkpoints; foreign keys are validated again at the end.
    const superuser = await db.execute<{ su: boolean }>(sql`select current_setting('is_superuser') = 'on' as su`).then((r) => Boolean(r.rows[0].su));
    // The definitions are kept in bench_dataset until they are rebuilt, so that an interrupted load can still restore them.
    type Ddl = { constraints: { conname: string; rel: string; contype: string; def: string }[]; indexes: { indexname: string; indexdef: string }[] };
    let ddl = (await db.execute<{ value: Ddl }>(sql`select value from bench_dataset where key = ${DDL}`)).rows[0]?.value;
    if (!ddl) {
      const { rows: constraints } = await db.execute<Ddl['constraints'][number]>(sql`
        select conname, conrelid::regclass::text as rel, contype, pg_get_constraintdef(oid) as def from pg_constraint
        where contype in ('p', 'u', 'f')
          and (conrelid in ('perf_duty_records'::regclass, 'perf_record_members'::regclass)
               or confrelid in ('perf_duty_records'::regclass, 'perf_record_members'::regclass))
        order by contype = 'f' desc`);
      const { rows: indexes } = await db.execute<Ddl['indexes'][number]>(sql`
        select i.indexname, i.indexdef from pg_indexes i
        where i.tablename in ('perf_duty_records', 'perf_record_members') and i.schemaname = current_schema()
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
      ddl = { constraints, indexes };
      await db.execute(sql`insert into bench_dataset (key, value) values (${DDL}, ${JSON.stringify(ddl)}::jsonb)`);
    }
    const { constraints, indexes } = ddl;
    for (const c of constraints) await db.execute(sql.raw(`alter table ${c.rel} drop constraint if exists "${c.conname}"`));
    for (const ix of indexes) await db.execute(sql.raw(`drop index if exists "${ix.indexname}"`));
    if (superuser) {
      await db.execute(sql`alter system set max_wal_size = '32GB'`);
      await db.execute(sql`alter system set checkpoint_timeout = '1h'`);
      await db.execute(sql`select pg_reload_conf()`);
    }

    const windowDays = 365 / chunks;
    const kinds = kindCase('rk');
    const automatic = Object.keys(SOURCE_TYPE);
    const chunkSql = (j: number) => sql.raw(`
      with src as materialized (
        select gen_random_uuid() as id, c.committee_id, c.size,
               random() as rk, random() as rm, random() as rs, random() as rd, random() as rj, random() as rx
        from bench_perf_committees c
        cross join lateral generate_series(1, ((c.records::bigint * ${j + 1}) / ${chunks} - (c.records::bigint * ${j}) / ${chunks})::int) g
      ), k as materialized (
        select *, ${kinds} as kind,
               (date '${BENCH_YEAR}-01-01' + (${(j * windowDays).toFixed(4)} + rd * ${windowDays.toFixed(4)})::int) as on_date,
               -- Some members do far more than others: the member's position is skewed to the front of the committee's list.
               least(size, 1 + floor(size * rm * rm)::int) as n0
        from src
      ), s as materialized (
        select *, case when kind in (${list(JOINT)}) and rj < 0.35 then least(size, 2 + floor(rx * 4)::int)
                       when kind in (${list(GROUP_TRIPS)}) and rj < 0.2 then least(size, 2 + floor(rx * 3)::int)
                       else 1 end as mc,
               kind in (${list(automatic)}) as auto
        from k
      ), ins as (
        insert into perf_duty_records (id, committee_id, kind, occurred_on, year, title, source, source_type, source_ref, status, units,
          member_count, metrics, evidence, decided_at, reject_reason, created_at, updated_at)
        select id, committee_id, kind, on_date, ${BENCH_YEAR}, ${caseOf('kind', TITLES, "'履职'")},
          case when auto then 'automatic' else 'self_reported' end,
          case when auto then ${caseOf('kind', SOURCE_TYPE, 'null')} end,
          case when auto then id::text end,
          case when auto or rs < 0.88 then 'verified' when rs < 0.95 then 'submitted' else 'rejected' end,
          case kind when 'plenary' then 4 + floor(rx * 3) when 'training' then 1 + floor(rx * 4) else 1 end,
          mc,
          case kind
            when 'investment' then jsonb_build_object('enterprisesContacted', 1 + floor(rx * 12)::int, 'projectsSigned', floor(rx * 3)::int, 'amountWan', round((rx * 5000)::numeric, 1))
            when 'service' then jsonb_build_object('studentsFunded', floor(rx * 10)::int, 'peopleServed', 5 + floor(rx * 200)::int, 'amountDonatedWan', round((rx * 20)::numeric, 2))
            when 'liaison' then jsonb_build_object('peopleReceived', 3 + floor(rx * 40)::int, 'demandsCollected', floor(rx * 8)::int)
            else '{}'::jsonb end,
          case when auto then '[]'::jsonb else '[{"name": "现场照片.jpg", "url": null}]'::jsonb end,
          case when auto or rs < 0.88 or rs >= 0.95 then on_date + time '18:00' end,
          case when not auto and rs >= 0.95 then '佐证材料不足，请补充活动通知或照片' end,
          on_date + time '12:00', on_date + time '12:00'
        from s order by on_date
      )
      insert into perf_record_members (committee_id, record_id, member_id, role, year)
      select s.committee_id, s.id, pm.member_id,
             case when s.kind in (${list(JOINT)}) then case when k = 0 then 'first' else 'cosigner' end
                  when s.mc > 1 then 'participant' end,
             ${BENCH_YEAR}
      from s cross join lateral generate_series(0, s.mc - 1) k
      join bench_perf_members pm on pm.committee_id = s.committee_id and pm.n = ((s.n0 - 1 + k) % s.size) + 1`);

    log(`performance: generating ${records.toLocaleString('en-US')} duty records in ${chunks} chunks (two at a time) …`);
    const finished = new Set(resume ? progress.done : []);
    let next = 0;
    let done = finished.size;
    const worker = async () => {
      for (;;) {
        const j = next++;
        if (j >= chunks) return;
        if (finished.has(j)) continue;
        await db.transaction(async (tx) => {
          await tx.execute(chunkSql(j));
          await tx.execute(sql`update bench_dataset set value = jsonb_set(jsonb_set(value, '{done}', (value->'done') || to_jsonb(${j}::int)),
            '{seconds}', to_jsonb(${Math.round(secondsBefore + (now() - t0) / 1000)}::int)) where key = ${PROGRESS}`);
        });
        done++;
        if (done % Math.max(1, Math.round(chunks / 10)) === 0 || done === chunks) {
          log(`  performance: ${done}/${chunks} chunks (${((now() - t0) / 1000).toFixed(0)} s)`);
        }
      }
    };
    await Promise.all([worker(), worker()]);

    log(`performance: rows in ${((now() - t0) / 1000).toFixed(0)} s; building ${constraints.length} constraints and ${indexes.length} indexes …`);
    const t1 = now();
    await db.execute(sql`set max_parallel_maintenance_workers = 2`);
    for (const c of constraints.filter((x) => x.contype !== 'f')) await db.execute(sql.raw(`alter table ${c.rel} add constraint "${c.conname}" ${c.def}`));
    for (const ix of indexes) await db.execute(sql.raw(ix.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')));
    for (const c of constraints.filter((x) => x.contype === 'f')) {
      await db.execute(sql.raw(`alter table ${c.rel} add constraint "${c.conname}" ${c.def} not valid`));
      await db.execute(sql.raw(`alter table ${c.rel} validate constraint "${c.conname}"`));
    }
    if (superuser) {
      await db.execute(sql`alter system reset max_wal_size`);
      await db.execute(sql`alter system reset checkpoint_timeout`);
      await db.execute(sql`select pg_reload_conf()`);
      await db.execute(sql`checkpoint`);
    }
    await db.execute(sql`delete from bench_dataset where key in (${DDL}, ${PROGRESS})`);
    log(`performance: constraints and indexes in ${((now() - t1) / 1000).toFixed(0)} s; vacuum analyze …`);
    await db.execute(sql`drop table if exists bench_perf_members, bench_perf_committees`);
    await db.execute(sql`vacuum analyze perf_duty_records, perf_record_members, perf_rule_sets`);

    const { rows: stats } = await db.execute<{ status: string; n: number; joint: number }>(sql`
      select status, count(*)::int as n, count(*) filter (where member_count > 1)::int as joint from perf_duty_records group by status`);
    const { rows: rm } = await db.execute<{ n: number }>(sql`select count(*)::int as n from perf_record_members`);
    const { rows: rs } = await db.execute<{ preset: string; n: number }>(sql`select rules->>'preset' as preset, count(*)::int as n from perf_rule_sets group by 1`);
    return {
      year: BENCH_YEAR,
      records: stats.reduce((s, r) => s + r.n, 0),
      recordMembers: rm[0].n,
      byStatus: Object.fromEntries(stats.map((r) => [r.status, r.n])),
      jointRecords: stats.reduce((s, r) => s + r.joint, 0),
      ruleSets: Object.fromEntries(rs.map((r) => [r.preset, r.n])),
      generatedAt: new Date().toISOString(),
      generationSeconds: Math.round(secondsBefore * 10 + (now() - t0) / 100) / 10,
    };
  } finally {
    await gen.pool.end();
  }
}
