import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { GENDER_LABELS, MEMBER_ROLE_LABELS, STATUS_LABELS } from '../src/modules/org/contracts.js';
import type { ImportRow } from '../src/modules/org/members/member-import.js';

/** The import file: a roster in the template's columns, as an office would fill it in. */

export const HEADERS = ['姓名*', '性别*', '民族', '出生日期', '党派', '界别', '专委会', '职务', '工作单位', '职务职称', '手机号', '状态', '离任日期', '离任原因'];

type Lookup = { sectors: { id: string; name: string }[]; specialCommittees: { id: string; name: string }[] };

/** Generated import rows (ids) → spreadsheet rows (labels and names). */
export function toSheetRows(rows: ImportRow[], lookup: Lookup): (string | null)[][] {
  const sector = new Map(lookup.sectors.map((s) => [s.id, s.name]));
  const special = new Map(lookup.specialCommittees.map((s) => [s.id, s.name]));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map(({ input: m }) => [
    str(m.name),
    GENDER_LABELS[m.gender as keyof typeof GENDER_LABELS],
    str(m.ethnicity),
    str(m.birthDate),
    str(m.party),
    m.sectorId ? sector.get(m.sectorId as string) ?? null : null,
    m.specialCommitteeId ? special.get(m.specialCommitteeId as string) ?? null : null,
    (m.roles as (keyof typeof MEMBER_ROLE_LABELS)[]).map((r) => MEMBER_ROLE_LABELS[r]).join('、'),
    str(m.employer),
    str(m.title),
    str(m.phone),
    STATUS_LABELS[m.status as keyof typeof STATUS_LABELS],
    str(m.leftAt),
    str(m.leftReason),
  ]);
}

/** Writes the workbook in memory with exceljs (streaming writer, shared strings like Excel's own files). */
export async function buildWorkbook(rows: (string | null)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('委员名单');
  ws.columns = HEADERS.map((header) => ({ header, width: 14 }));
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** The workbook for `rows` rows, built once and kept in bench/.data (rows are deterministic by seed). */
export async function cachedWorkbook(dir: string, key: string, make: () => Promise<Buffer>): Promise<{ buffer: Buffer; cached: boolean }> {
  const file = path.join(dir, `import-${key}.xlsx`);
  if (fs.existsSync(file)) return { buffer: fs.readFileSync(file), cached: true };
  const buffer = await make();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, buffer);
  return { buffer, cached: false };
}
