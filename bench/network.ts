import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database.js';
import { committeeScope } from '../src/platform/scope.js';
import { networkOverview } from '../src/modules/network/queries/overview.js';
import { coverageFigures, placeFigures } from '../src/modules/network/queries/figures.js';
import type { Figure } from './figure.js';
import { int, log, measureCases, ms, prng, secs, summarize, type Summary } from './stats.js';

/**
 * The grassroots network at a province's scale: regions for every county committee (towns and
 * villages), `places` places (50,000 by default) spread over them — a 委员工作站 per town, the rest
 * 协商议事室 in villages, a few studios — with three members placed each and a year of receptions
 * at the stations, all generated with SQL (the commands are what the tests run). Measured: a
 * county's network page (networkOverview, what GET /api/network/overview runs) for sampled
 * counties, directly on the pool; and a city's coverage and places figures over scope=tree.
 */
export interface NetworkBenchResult {
  places: number;
  regions: number;
  counties: number;
  placements: number;
  receptions: number;
  reused: boolean;
  generationSeconds: number;
  countyPage: Summary;
  meanTowns: number;
  cityFigures: Summary;
  sample: { county: string; towns: number; villages: number; covered: number; places: number };
}

const TOWNS = 12;
const VILLAGES = 15;

async function generate(database: Database, places: number): Promise<{ reused: boolean; seconds: number }> {
  const db = database.db;
  const { rows: [have] } = await db.execute<{ n: number }>(sql`select count(*)::int as n from network_places`);
  if (have!.n >= places) return { reused: true, seconds: 0 };
  const t0 = performance.now();
  await db.execute(sql`truncate network_visits, network_receptions, network_reception_rules, network_place_standards, network_place_members, network_care_visits, network_care_pairs, network_places, network_regions`);
  // Regions: each county committee gets its county, TOWNS towns and VILLAGES villages per town (codes from its row number).
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table bc on commit drop as select id, row_number() over (order by code) as n from committees where level = 'county'`);
    await tx.execute(sql`insert into network_regions (id, committee_id, level, code, name, county_id)
      select gen_random_uuid(), id, 'county', lpad(n::text, 6, '0'), '县' || n, null from bc`);
    await tx.execute(sql`update network_regions set county_id = id where level = 'county'`);
    await tx.execute(sql`insert into network_regions (id, committee_id, parent_id, level, code, name, county_id, sort)
      select gen_random_uuid(), r.committee_id, r.id, 'town', r.code || lpad(t::text, 3, '0'), '镇' || t, r.id, t
      from network_regions r, generate_series(1, ${TOWNS}) t where r.level = 'county'`);
    await tx.execute(sql`update network_regions set town_id = id where level = 'town'`);
    await tx.execute(sql`insert into network_regions (committee_id, parent_id, level, code, name, county_id, town_id, sort)
      select r.committee_id, r.id, 'village', r.code || lpad(v::text, 3, '0'), r.name || v || '村', r.county_id, r.id, v
      from network_regions r, generate_series(1, ${VILLAGES}) v where r.level = 'town'`);
    // Places: per county, k = 1..per — the first TOWNS are stations (one per town), then rooms in villages, every 25th a studio.
    const { rows: [c] } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from bc`);
    const per = Math.ceil(places / c!.n);
    await tx.execute(sql`insert into network_places (committee_id, type, name, region_id, address)
      select bc.id,
        case when k <= ${TOWNS} then 'station' when k % 25 = 0 then 'studio' else 'room' end,
        '阵地' || bc.n || '-' || k,
        case when k <= ${TOWNS} then (select id from network_regions where committee_id = bc.id and level = 'town' and sort = k)
             when k % 25 = 0 then (select id from network_regions where committee_id = bc.id and level = 'county')
             else (select id from network_regions where committee_id = bc.id and level = 'village'
                   and code = lpad(bc.n::text, 6, '0') || lpad((((k - ${TOWNS} - 1) % ${TOWNS}) + 1)::text, 3, '0') || lpad(((((k - ${TOWNS} - 1) / ${TOWNS}) % ${VILLAGES}) + 1)::text, 3, '0')) end,
        '地址'
      from bc, generate_series(1, ${per}) k
      limit ${places}`);
    // Three members placed per place (the committee's members in turn), as many as it has.
    await tx.execute(sql`insert into network_place_members (committee_id, place_id, member_id, role)
      select p.committee_id, p.id, m.id, '驻站委员'
      from (select id, committee_id, row_number() over (partition by committee_id order by id) as k from network_places) p
      join lateral (select id from members where committee_id = p.committee_id order by id offset ((p.k * 3) % greatest(1, (select count(*) from members where committee_id = p.committee_id))) limit 3) m on true`);
    // A year of receptions at the stations: the 10th and 20th of every month.
    await tx.execute(sql`insert into network_receptions (committee_id, place_id, held_on, member_ids)
      select p.committee_id, p.id, make_date(2026, mo, d), coalesce((select array_agg(member_id) from network_place_members pm where pm.committee_id = p.committee_id and pm.place_id = p.id), '{}')
      from network_places p, generate_series(1, 12) mo, unnest(array[10, 20]) d where p.type = 'station'`);
  });
  await db.execute(sql`analyze network_regions, network_places, network_place_members, network_receptions`);
  return { reused: false, seconds: (performance.now() - t0) / 1000 };
}

export async function networkBench(database: Database, o: { places: number; requests: number; seed: number }): Promise<NetworkBenchResult> {
  const db = database.db;
  const gen = await generate(database, o.places);
  const { rows: [n] } = await db.execute<{ places: number; regions: number; counties: number; placements: number; receptions: number }>(sql`
    select (select count(*) from network_places)::int as places, (select count(*) from network_regions)::int as regions,
      (select count(*) from network_regions where level = 'county')::int as counties,
      (select count(*) from network_place_members)::int as placements, (select count(*) from network_receptions)::int as receptions`);
  log(`network: ${n!.places} places, ${n!.regions} regions in ${n!.counties} counties (${gen.reused ? 'reused' : `generated in ${gen.seconds.toFixed(1)} s`})`);
  const { rows: counties } = await db.execute<{ id: string }>(sql`select committee_id as id from network_regions where level = 'county' order by code`);
  const rand = prng(o.seed + 17);
  const cases = Array.from({ length: o.requests }, () => rand.pick(counties).id);
  let towns = 0;
  const page = await measureCases(cases, async (id) => {
    const r = await networkOverview(db, id, 2026);
    towns += r.towns.length;
    return r.towns.length;
  }, 20);
  const { rows: cities } = await db.execute<{ id: string }>(sql`select distinct c.parent_id as id from committees c where c.level = 'county' and c.parent_id is not null`);
  const cityCases = Array.from({ length: Math.min(100, o.requests) }, () => rand.pick(cities).id);
  const cityTimes: number[] = [];
  for (const id of cityCases) {
    const t = performance.now();
    const scope = await committeeScope(db, id, 'tree');
    await Promise.all([coverageFigures(db, scope), placeFigures(db, scope)]);
    cityTimes.push(performance.now() - t);
  }
  const sampleId = counties[0]!.id;
  const s = await networkOverview(db, sampleId, 2026);
  return {
    ...n!, reused: gen.reused, generationSeconds: gen.seconds, countyPage: page.summary, meanTowns: towns / (cases.length + 20),
    cityFigures: summarize(cityTimes),
    sample: { county: sampleId, towns: s.towns.length, villages: s.totals.villages, covered: s.totals.covered, places: Object.values(s.totals.places).reduce((a, b) => a + b, 0) },
  };
}

export function networkFigures(r: NetworkBenchResult): Figure[] {
  const p = r.countyPage;
  return [
    {
      figure: `Network: ${int(r.places)} places${r.places >= 50_000 ? '' : ' (reduced)'}, ${int(r.regions)} regions, ${int(r.placements)} placements, ${int(r.receptions)} receptions`,
      value: r.reused ? 'reused' : `generated in ${secs(r.generationSeconds * 1000)}`, goal: '', status: '',
    },
    { figure: "A county's network page (networkOverview) p50 / p95 / p99", value: `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`, goal: 'p95 < 100 ms', status: p.p95 < 100 ? 'PASS' : 'MISS' },
    { figure: "  a city's coverage + places figures, scope=tree, p95", value: ms(r.cityFigures.p95), goal: '(info)', status: '' },
  ];
}

export function networkNotes(r: NetworkBenchResult): string[] {
  return ['', `Network: ${r.counties} counties; a page has ${r.meanTowns.toFixed(1)} rows on average; sample county: ${r.sample.towns} rows, ` +
    `${r.sample.villages} villages, ${r.sample.covered} covered, ${r.sample.places} places.`];
}
