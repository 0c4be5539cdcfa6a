import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/database.js';
import { addSectors, addSpecialCommittees, createCommittee, openTerm } from '../src/modules/org/index.js';
import { importMemberRows, type ImportRow } from '../src/modules/org/members/member-import.js';
import { generateMembers } from '../src/modules/org/seed/member-generator.js';
import { SECTORS_CITY, SPECIAL_COMMITTEES } from '../src/modules/org/seed/demo-data.js';
import { buildWorkbook, cachedWorkbook, toSheetRows } from './workbook.js';
import type { CpuMeter, CpuShares } from './machine.js';
import { log } from './stats.js';

/**
 * Member import of N rows into a new, empty committee: the .xlsx parse (readMemberWorkbook)
 * and the all-or-nothing import (importMemberRows), timed apart. The imported members are
 * deleted afterwards so that the data set stays the same from run to run.
 */

type Lookup = { sectors: { id: string; name: string }[]; specialCommittees: { id: string; name: string }[] };
type ReadWorkbook = (buffer: Buffer, lookup: Lookup) => Promise<ImportRow[]>;

export interface ImportResult {
  rows: number;
  imported: number;
  /** null when the xlsx reader is not there yet. */
  parseMs: number | null;
  importMs: number;
  totalMs: number;
  fileBytes: number | null;
  workbookCached: boolean;
  /** Cores busy during each step (the bench process does the parse and the import's JS; PostgreSQL the writes). */
  parseCpu: CpuShares | null;
  importCpu: CpuShares;
  note: string;
}

/** The xlsx reader, when src/modules/org/members/member-xlsx.ts exists and exports it. */
async function xlsxReader(): Promise<ReadWorkbook | undefined> {
  const spec: string = '../src/modules/org/members/member-xlsx.js';
  try {
    const mod = (await import(spec)) as { readMemberWorkbook?: ReadWorkbook };
    return typeof mod.readMemberWorkbook === 'function' ? mod.readMemberWorkbook : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

async function lookupOf(db: Db, committeeId: string): Promise<Lookup> {
  const sectors = await db.execute<{ id: string; name: string }>(sql`select id, name from sectors where committee_id = ${committeeId} order by sort, name`);
  const specials = await db.execute<{ id: string; name: string }>(sql`select id, name from special_committees where committee_id = ${committeeId} order by sort, name`);
  return { sectors: sectors.rows, specialCommittees: specials.rows };
}

export async function importBench(db: Db, rowsWanted: number, seed: number, meter: CpuMeter): Promise<ImportResult> {
  const actor = { userId: null, label: 'bench:import' };
  const code = `bench-import-${Date.now()}`;
  const committeeId = await createCommittee(db, actor, { code, name: '中国人民政治协商会议导入市委员会', shortName: '导入市政协', level: 'city', parentCode: 'bench-cn', region: '导入市' });
  await openTerm(db, actor, committeeId, { number: 1, name: '第一届', startDate: '2022-01-01' });
  await addSectors(db, actor, committeeId, SECTORS_CITY);
  await addSpecialCommittees(db, actor, committeeId, SPECIAL_COMMITTEES);
  const lookup = await lookupOf(db, committeeId);
  const readMemberWorkbook = await xlsxReader();
  try {
    if (!readMemberWorkbook) {
      const rows = await generateMembers(db, committeeId, rowsWanted, seed + 999);
      log(`import: ${rows.length} generated rows (xlsx reader pending) …`);
      const run = await meter.measure(() => importMemberRows(db, actor, committeeId, rows, { fileName: 'bench.xlsx' }));
      const importMs = run.cpu.seconds * 1000;
      return {
        rows: rows.length, imported: run.value.imported, parseMs: null, importMs, totalMs: importMs, fileBytes: null, workbookCached: false,
        parseCpu: null, importCpu: run.cpu,
        note: 'xlsx part pending: src/modules/org/members/member-xlsx.ts does not export readMemberWorkbook yet; timed importMemberRows on generated rows',
      };
    }
    const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
    const { buffer, cached } = await cachedWorkbook(dataDir, `${rowsWanted}-${seed}`, async () => {
      log(`import: writing a ${rowsWanted}-row workbook (once; kept in bench/.data) …`);
      const rows = await generateMembers(db, committeeId, rowsWanted, seed + 999);
      return buildWorkbook(toSheetRows(rows, lookup));
    });
    log(`import: parse ${(buffer.length / 1e6).toFixed(1)} MB workbook + import …`);
    const parse = await meter.measure(() => readMemberWorkbook(buffer, lookup));
    const rows = parse.value;
    const parseMs = parse.cpu.seconds * 1000;
    const bad = rows.filter((r) => r.errors?.length);
    if (rows.length !== rowsWanted || bad.length) {
      throw new Error(`bench: the workbook read back as ${rows.length} rows (${bad.length} with errors, first: ${JSON.stringify(bad[0]?.errors)})`);
    }
    const run = await meter.measure(() => importMemberRows(db, actor, committeeId, rows, { fileName: 'bench.xlsx' }));
    const importMs = run.cpu.seconds * 1000;
    return {
      rows: rows.length, imported: run.value.imported, parseMs, importMs, totalMs: parseMs + importMs, fileBytes: buffer.length, workbookCached: cached,
      parseCpu: parse.cpu, importCpu: run.cpu,
      note: 'readMemberWorkbook (member-xlsx.ts) then importMemberRows, into a new empty committee',
    };
  } finally {
    // Keep the data set as generated: the import's members go (its audit row stays; the log is append-only).
    await db.execute(sql`delete from members where committee_id = ${committeeId}`);
    await db.execute(sql`vacuum analyze members`);
  }
}
