import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { connect, openDatabase, runMigrations, type Database, type Db } from '../src/platform/db/database.js';
import { addSectors, addSpecialCommittees, createCommittee, openTerm } from '../src/modules/org/index.js';
import { memberInput } from '../src/modules/org/contracts.js';
import { importMemberRows } from '../src/modules/org/members/member-import.js';
import { toRow } from '../src/modules/org/members/member.commands.js';
import { currentTermId, insertMembers } from '../src/modules/org/members/member.repository.js';
import { generateMembers } from '../src/modules/org/seed/member-generator.js';
import { AuditChains, BENCH_ACTOR, bulkCreateCommittees, recordBulkImports, sectorsFor, specialsFor } from './bulk.js';
import type { BenchOptions } from './options.js';
import { planCommittees, type PlannedCommittee } from './regions.js';
import { log, now } from './stats.js';

/**
 * The generated data set: made once per scale and reused (a row in bench_dataset marks it
 * complete). Committees: the national and provincial ones and a sample of city and county ones
 * through the real commands (their members through the real import), the rest with bulk SQL
 * writing the same rows; members of those through insertMembers, like the import does.
 */
export interface DatasetInfo {
  members: number;
  committees: number;
  viaCommands: number;
  viaBulk: number;
  generatedAt: string;
  generationSeconds: number;
  reused: boolean;
}

const MARKER = 'dataset';

/**
 * Opens the bench database and brings its schema up to date. A migration that was rewritten after
 * this database applied it (normal while a feature is being written) fails to apply: the embedded
 * bench database is then thrown away and generated again.
 */
export async function openBenchDatabase(o: BenchOptions): Promise<Database> {
  const open = () => openDatabase({ DATABASE_URL: o.databaseUrl, XIESHANG_DATA_DIR: o.dataDir, XIESHANG_PG_SHARED_BUFFERS: o.sharedBuffers }, { command: 'bench', poolSize: 20 });
  let database = await open();
  try {
    await runMigrations(database.db);
  } catch (e) {
    await database.close();
    if (o.databaseUrl) throw e;
    log(`the migrations no longer apply to ${o.dataDir} (${(e as Error).message.split('\n')[0].slice(0, 120)}); starting a new data set`);
    fs.rmSync(o.dataDir, { recursive: true, force: true });
    database = await open();
    await runMigrations(database.db);
  }
  await database.db.execute(sql`create table if not exists bench_dataset (key text primary key, value jsonb not null)`);
  return database;
}

async function readMarker(db: Db): Promise<Omit<DatasetInfo, 'reused'> | undefined> {
  const { rows } = await db.execute<{ value: Omit<DatasetInfo, 'reused'> }>(sql`select value from bench_dataset where key = ${MARKER}`);
  return rows[0]?.value;
}

/** Opens the bench database with its data set, generating it when missing. */
export async function ensureDataset(o: BenchOptions): Promise<{ database: Database; info: DatasetInfo }> {
  let database = await openBenchDatabase(o);
  const marker = await readMarker(database.db);
  if (marker) {
    if (marker.members !== o.members || marker.committees !== o.committees) {
      await database.close();
      throw new Error(`bench: the database holds a data set of ${marker.members} members / ${marker.committees} committees, ` +
        `not ${o.members} / ${o.committees}; use another BENCH_DATABASE_URL`);
    }
    return { database, info: { ...marker, reused: true } };
  }
  const { rows } = await database.db.execute(sql`select 1 from committees limit 1`);
  if (rows.length) {
    if (o.databaseUrl) {
      await database.close();
      throw new Error('bench: BENCH_DATABASE_URL holds data but no complete bench data set; give it an empty database');
    }
    log(`incomplete data set in ${o.dataDir} (an interrupted generation): starting again`);
    await database.close();
    fs.rmSync(o.dataDir, { recursive: true, force: true });
    database = await openBenchDatabase(o);
  }
  const info = await generate(database, o);
  await database.db.execute(sql`insert into bench_dataset (key, value) values (${MARKER}, ${JSON.stringify(info)}::jsonb)`);
  return { database, info: { ...info, reused: false } };
}

/** Committees made through the commands: national, provincial, and the first few city and county ones. */
function viaCommands(c: PlannedCommittee, citySeen: number, countySeen: number) {
  return c.level === 'national' || c.level === 'province' || (c.level === 'city' && citySeen < 4) || (c.level === 'county' && countySeen < 4);
}

async function generate(database: Database, o: BenchOptions): Promise<Omit<DatasetInfo, 'reused'>> {
  const t0 = now();
  // Bulk loading does not wait for each commit to reach the disk (this connection pool only).
  const sep = database.url.includes('?') ? '&' : '?';
  const gen = connect(`${database.url}${sep}options=${encodeURIComponent('-c synchronous_commit=off')}`, 4);
  const db = gen.db;
  try {
    const plan = planCommittees(o.committees, o.members);
    const ids = new Map<string, string>();
    const commanded = new Set<string>();
    let cities = 0;
    let counties = 0;
    for (const c of plan) {
      if (viaCommands(c, cities, counties)) commanded.add(c.code);
      if (c.level === 'city') cities++;
      if (c.level === 'county') counties++;
    }
    log(`generating ${plan.length} committees (${commanded.size} through the commands) and ${o.members} members …`);
    for (const c of plan.filter((p) => commanded.has(p.code))) {
      const id = await createCommittee(db, BENCH_ACTOR, { code: c.code, name: c.name, shortName: c.shortName, level: c.level, parentCode: c.parentCode, region: c.region });
      ids.set(c.code, id);
      await openTerm(db, BENCH_ACTOR, id, c.term);
      await addSectors(db, BENCH_ACTOR, id, sectorsFor(c.level));
      await addSpecialCommittees(db, BENCH_ACTOR, id, specialsFor(c.level));
    }
    const audit = new AuditChains();
    const bulk = plan.filter((p) => !commanded.has(p.code));
    for (let i = 0; i < bulk.length; i += 500) await bulkCreateCommittees(db, bulk.slice(i, i + 500), ids, audit);
    log(`committees done in ${((now() - t0) / 1000).toFixed(1)} s; members …`);

    const bulkCounts: { committeeId: string; count: number }[] = [];
    const inflight: Promise<unknown>[] = [];
    let done = 0;
    let nextReport = 0.1;
    for (const c of plan) {
      const id = ids.get(c.code)!;
      const rows = await generateMembers(db, id, c.members, o.seed + c.index);
      if (commanded.has(c.code)) {
        await importMemberRows(db, BENCH_ACTOR, id, rows, { fileName: 'bench-generated' });
      } else {
        const termId = await currentTermId(db, id);
        const memberRows = rows.map((r) => toRow(memberInput.parse(r.input), termId));
        // One insert in flight while the next committee's rows are generated.
        if (inflight.length >= 2) await inflight.shift();
        inflight.push((async () => {
          for (let k = 0; k < memberRows.length; k += 5000) await insertMembers(db, id, memberRows.slice(k, k + 5000));
        })());
        bulkCounts.push({ committeeId: id, count: c.members });
      }
      done += c.members;
      if (done / o.members >= nextReport) {
        log(`  ${Math.round((done / o.members) * 100)} % of members (${((now() - t0) / 1000).toFixed(0)} s)`);
        nextReport += 0.1;
      }
    }
    await Promise.all(inflight);
    await audit.load(db, bulkCounts.map((b) => b.committeeId));
    await recordBulkImports(db, audit, bulkCounts);
    log('vacuum analyze …');
    await db.execute(sql`vacuum analyze`);
    const { rows: counts } = await db.execute<{ m: number; c: number }>(sql`
      select (select count(*) from members)::int as m, (select count(*) from committees)::int as c`);
    return {
      members: counts[0].m,
      committees: counts[0].c,
      viaCommands: commanded.size,
      viaBulk: bulk.length,
      generatedAt: new Date().toISOString(),
      generationSeconds: Math.round((now() - t0) / 100) / 10,
    };
  } finally {
    await gen.pool.end();
  }
}

/**
 * A part's own data (proposals, 社情民意 items): reused when bench_dataset holds its marker for the
 * wanted size, else generated through a connection tuned for loading (no WAL flush per commit,
 * large sort memory) and marked complete.
 */
export async function reuseOrGenerate<T extends object>(
  database: Database,
  part: { key: string; label: string; size: (info: T) => number; unit: string },
  wanted: number,
  generate: (db: Db) => Promise<T>,
): Promise<T & { reused: boolean }> {
  const db = database.db;
  const { rows } = await db.execute<{ value: T }>(sql`select value from bench_dataset where key = ${part.key}`);
  if (rows[0]) {
    if (part.size(rows[0].value) === wanted) return { ...rows[0].value, reused: true };
    log(`${part.label}: the data set holds ${part.size(rows[0].value)} ${part.unit}, not ${wanted}: generating again`);
  }
  const sep = database.url.includes('?') ? '&' : '?';
  const gen = connect(`${database.url}${sep}options=${encodeURIComponent('-c synchronous_commit=off -c maintenance_work_mem=1GB -c work_mem=256MB')}`, 1);
  try {
    const info = await generate(gen.db);
    await db.execute(sql`insert into bench_dataset (key, value) values (${part.key}, ${JSON.stringify(info)}::jsonb)
      on conflict (key) do update set value = excluded.value`);
    return { ...info, reused: false };
  } finally {
    await gen.pool.end();
  }
}
