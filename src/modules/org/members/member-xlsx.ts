import { PassThrough, Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type * as ExcelJS from 'exceljs';
import { exceljs } from '../../../platform/exports/lazy.js';
import { AppError } from '../../../platform/errors.js';
import {
  GENDER_LABELS, MEMBER_ROLE_LABELS, MEMBER_ROLES, STATUS_LABELS,
  type MemberView,
} from '../contracts.js';
import { OrgErrors } from '../org.errors.js';

/**
 * The member roster as an Excel workbook: the import template, the reader for filled-in files and
 * the export. The three share one column list, so an export can be imported again.
 */

/** One problem in one row of an import file; row numbers are the spreadsheet's (header = row 1). */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** A row read from a file: the input candidate and where it came from. */
export interface ImportRow {
  row: number;
  input: Record<string, unknown>;
  /** Errors already found while reading cells (unknown sector name, bad date, …). */
  errors?: RowError[];
}

/** The committee's names that cells refer to (界别, 专委会), with their ids. */
export interface MemberLookup {
  sectors: { id: string; name: string }[];
  specialCommittees: { id: string; name: string }[];
}

export const MEMBER_SHEET = '委员名单';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Field =
  | 'name' | 'gender' | 'ethnicity' | 'birthDate' | 'party' | 'sectorId' | 'specialCommitteeId' | 'roles'
  | 'employer' | 'title' | 'phone' | 'status' | 'leftAt' | 'leftReason';

interface Column {
  field: Field;
  label: string;
  required?: boolean;
  width: number;
  /** Other header texts people use for the same column. */
  aliases?: string[];
}

/** Column order of the template and the export. */
export const MEMBER_COLUMNS: readonly Column[] = [
  { field: 'name', label: '姓名', required: true, width: 12 },
  { field: 'gender', label: '性别', required: true, width: 8 },
  { field: 'ethnicity', label: '民族', width: 10 },
  { field: 'birthDate', label: '出生日期', width: 13, aliases: ['出生年月', '出生年月日'] },
  { field: 'party', label: '党派', width: 14, aliases: ['政治面貌'] },
  { field: 'sectorId', label: '界别', width: 18 },
  { field: 'specialCommitteeId', label: '专委会', width: 20, aliases: ['专门委员会'] },
  { field: 'roles', label: '职务', width: 16, aliases: ['政协职务'] },
  { field: 'employer', label: '工作单位', width: 30 },
  { field: 'title', label: '职务职称', width: 18, aliases: ['单位职务', '职称'] },
  { field: 'phone', label: '手机号', width: 14, aliases: ['手机', '手机号码', '联系电话'] },
  { field: 'status', label: '状态', width: 8 },
  { field: 'leftAt', label: '离任日期', width: 13 },
  { field: 'leftReason', label: '离任原因', width: 20 },
];

const headerLabel = (c: Column) => (c.required ? c.label + '*' : c.label);

/** "姓名 *", "出生日期（YYYY-MM-DD）", "手机号\n" → "姓名", "出生日期", "手机号". */
function normaliseHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊\s\u3000]/g, '');
}

const HEADER_INDEX = new Map<string, Column>();
for (const c of MEMBER_COLUMNS) for (const h of [c.label, ...(c.aliases ?? [])]) HEADER_INDEX.set(h, c);

const ROLE_BY_LABEL = new Map<string, (typeof MEMBER_ROLES)[number]>([
  ...MEMBER_ROLES.map((r) => [MEMBER_ROLE_LABELS[r], r] as const),
  ...MEMBER_ROLES.map((r) => [r, r] as const),
  ['政协委员', 'member'], ['常务委员', 'standing'], ['政协常委', 'standing'], ['副秘书长', 'member'],
]);
const GENDER_BY_LABEL: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', 男性: 'male', 女性: 'female', male: 'male', female: 'female' };
const STATUS_BY_LABEL: Record<string, 'active' | 'left'> = { 在任: 'active', 离任: 'left', active: 'active', left: 'left' };

// ---------------------------------------------------------------------------------------------
// Template

const LISTS_SHEET = '下拉选项';
const VALIDATED_ROWS = 10000;

/** The empty import template: headers, dropdowns, and a sheet of instructions. No example row — it would be imported. */
export async function memberTemplate(structure: { sectors: { name: string }[]; specialCommittees: { name: string }[] }): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = '协商 Xieshang';
  const ws = wb.addWorksheet(MEMBER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MEMBER_COLUMNS.map((c) => ({ header: headerLabel(c), key: c.field, width: c.width }));
  styleHeader(ws);
  // Text cells, so that Excel keeps 11-digit numbers and typed dates as they were written.
  for (const f of ['phone', 'birthDate', 'leftAt'] as const) ws.getColumn(f).numFmt = '@';

  const help = wb.addWorksheet('填写说明');
  // Lists live on a hidden sheet: a list typed into the rule itself is limited to 255 characters.
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const listColumns: [Field, string[]][] = [
    ['gender', Object.values(GENDER_LABELS)],
    ['sectorId', structure.sectors.map((s) => s.name)],
    ['specialCommitteeId', structure.specialCommittees.map((s) => s.name)],
    ['status', Object.values(STATUS_LABELS)],
  ];
  listColumns.forEach(([field, values], i) => {
    const col = i + 1;
    const label = MEMBER_COLUMNS.find((c) => c.field === field)!.label;
    lists.getCell(1, col).value = label;
    values.forEach((v, j) => (lists.getCell(j + 2, col).value = v));
    if (!values.length) return;
    const letter = lists.getColumn(col).letter;
    const target = ws.getColumn(field).letter;
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: label,
      error: `请从下拉列表中选择${label}`,
    });
  });

  help.columns = [{ header: '列', key: 'col', width: 12 }, { header: '填写说明', key: 'text', width: 80 }];
  styleHeader(help);
  const roleLabels = MEMBER_ROLES.map((r) => MEMBER_ROLE_LABELS[r]).join('/');
  const notes: [string, string][] = [
    ['总则', `在“${MEMBER_SHEET}”表中从第 2 行起每行填写一位委员；标 * 的列必填。不要改动第 1 行的列名。整个文件中只要有一行出错，就不会导入任何数据，系统会列出每一处错误（第几行、哪一列、原因）。`],
    ['姓名*', '委员姓名，最多 40 字。'],
    ['性别*', '男 或 女。'],
    ['民族', '如“汉族”“回族”；不填时按汉族。'],
    ['出生日期', '格式 YYYY-MM-DD，如 1975-03-08。'],
    ['党派', '如“中共党员”“民盟盟员”“无党派”。'],
    ['界别', `从下拉列表中选择本政协的界别${structure.sectors.length ? '：' + structure.sectors.map((s) => s.name).join('、') : ''}。`],
    ['专委会', `从下拉列表中选择${structure.specialCommittees.length ? '：' + structure.specialCommittees.map((s) => s.name).join('、') : ''}；可不填。`],
    ['职务', `${roleLabels}；有多个职务时用顿号“、”分隔，如“常委、副主席”。不填时为委员。`],
    ['工作单位', '委员的工作单位。'],
    ['职务职称', '委员在工作单位的职务或职称，如“校长”“主任医师”。'],
    ['手机号', '11 位手机号码；同一政协内不能重复。'],
    ['状态', '在任 或 离任；不填时为在任。'],
    ['离任日期', '离任委员必填，格式 YYYY-MM-DD。'],
    ['离任原因', '离任委员必填。'],
  ];
  for (const [col, text] of notes) help.addRow({ col, text }).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleHeader(ws: ExcelJS.Worksheet) {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.height = 20;
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    if (String(cell.value).endsWith('*')) cell.font = { bold: true, color: { argb: 'FFC00000' } };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** At most this many rows above the header (a title such as “第五届委员名单”). */
const HEADER_SEARCH_ROWS = 10;

const badFile = (reason: string) => new AppError(OrgErrors['import.bad_file'], { reason });

/**
 * Reads a filled-in template (the sheet 委员名单, else the first sheet) into import rows. Cells are converted to the
 * member input (labels → keys, names → ids, dates → YYYY-MM-DD); a cell that cannot be converted
 * becomes a row error, and the row numbers are the spreadsheet's (header = row 1). The header
 * row may be preceded by title rows; columns may be in any order. Streams the file, so a
 * 100,000-row sheet is read in a few seconds.
 */
export async function readMemberWorkbook(buffer: Buffer, lookup: MemberLookup): Promise<ImportRow[]> {
  const sectors = byName(lookup.sectors);
  const specials = byName(lookup.specialCommittees);
  const out: ImportRow[] = [];
  let columns: (Column | null)[] | null = null;
  let sheetSeen = false;
  let failure: unknown;
  const reader = utf8SafeReader(buffer);
  try {
    // Every sheet is visited, even after the roster: the reader parks sheets in temporary files
    // and removes each one only when the loop moves past it.
    for await (const sheet of reader) {
      const ws = sheet as unknown as { name: string } & AsyncIterable<ExcelJS.Row>;
      // The sheet named 委员名单, else the first tab. Sheets arrive in the order of the zip, not of
      // the tabs, and the tab names are known only once workbook.xml has been read.
      const tabs = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
      const wanted = (tabs.find((t) => t.name === MEMBER_SHEET) ?? tabs[0])?.name;
      const other = wanted !== undefined && tabs.some((t) => t.name === ws.name) && ws.name !== wanted;
      if (sheetSeen || other) {
        for await (const _ of ws) break; // opens and closes the sheet's stream
        continue;
      }
      sheetSeen = true;
      try {
        for await (const row of ws) {
          const values = row.values as unknown[];
          if (!columns) {
            if (row.number > HEADER_SEARCH_ROWS) break;
            columns = headerColumns(values);
            continue;
          }
          const r = convertRow(row.number, values, columns, sectors, specials);
          if (r) out.push(r);
        }
      } catch (err) {
        failure = err;
      }
    }
  } catch (err) {
    throw err instanceof AppError ? err : badFile('文件不是有效的 .xlsx 文件');
  }
  if (failure) throw failure instanceof AppError ? failure : badFile('文件不是有效的 .xlsx 文件');
  if (!sheetSeen) throw badFile('文件中没有工作表');
  if (!columns) throw badFile(`前 ${HEADER_SEARCH_ROWS} 行中没有找到列名“姓名”`);
  return out;
}

/**
 * exceljs's streaming reader (4.4) decodes every chunk of a zip entry on its own, so a Chinese
 * character split across two chunks comes out as "\ufffd\ufffd" (nine damaged cells in a
 * generated 100,000-row file). Its XML parser passes strings through untouched, so the entries are decoded here,
 * with a decoder that carries split characters over to the next chunk.
 */
function utf8SafeReader(buffer: Buffer): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new (exceljs().stream.xlsx).WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore',
  });
  const internals = reader as unknown as {
    _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  };
  const parseSharedStrings = internals._parseSharedStrings;
  const parseWorksheet = internals._parseWorksheet;
  if (typeof parseSharedStrings !== 'function' || typeof parseWorksheet !== 'function') {
    throw new Error('exceljs internals changed: review utf8SafeReader');
  }
  internals._parseSharedStrings = function (entry) {
    const decoder = new StringDecoder('utf8');
    const text = new Transform({
      readableObjectMode: true,
      transform: (chunk: Buffer, _enc, done) => done(null, decoder.write(chunk)),
      flush: (done) => done(null, decoder.end()),
    });
    return parseSharedStrings.call(this, entry.pipe(text));
  };
  internals._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  };
  return reader;
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function byName(list: { id: string; name: string }[]): Map<string, string> {
  return new Map(list.map((x) => [x.name.replace(/\s/g, ''), x.id]));
}

/** Returns the columns by cell index, or null when this row is not the header row (title rows above it). */
function headerColumns(values: unknown[]): (Column | null)[] | null {
  const texts = values.map((v) => normaliseHeader(cellText(v)));
  if (!texts.includes('姓名')) return null;
  const columns: (Column | null)[] = [];
  const unknown: string[] = [];
  const seen = new Set<Field>();
  texts.forEach((t, i) => {
    if (!t) return;
    const c = HEADER_INDEX.get(t);
    if (!c) return unknown.push(cellText(values[i]));
    if (seen.has(c.field)) throw badFile(`列“${c.label}”出现了两次`);
    seen.add(c.field);
    columns[i] = c;
  });
  if (unknown.length) throw badFile(`不认识的列：${unknown.map((u) => `“${u}”`).join('、')}；请使用下载的模板`);
  const missing = MEMBER_COLUMNS.filter((c) => c.required && !seen.has(c.field));
  if (missing.length) throw badFile(`缺少必填列：${missing.map((c) => c.label).join('、')}`);
  return columns;
}

function convertRow(
  rowNumber: number,
  values: unknown[],
  columns: (Column | null)[],
  sectors: Map<string, string>,
  specials: Map<string, string>,
): ImportRow | null {
  const input: Record<string, unknown> = {};
  const errors: RowError[] = [];
  let empty = true;
  const fail = (c: Column, reason: string) => errors.push({ row: rowNumber, column: c.label, reason });
  for (let i = 1; i < columns.length; i++) {
    const c = columns[i];
    if (!c) continue;
    const raw = values[i];
    if (c.field === 'birthDate' || c.field === 'leftAt') {
      if (isBlank(raw)) continue;
      empty = false;
      const d = cellDate(raw);
      if (d.ok) input[c.field] = d.value;
      else fail(c, d.reason);
      continue;
    }
    const text = cellText(raw);
    if (!text) continue;
    empty = false;
    switch (c.field) {
      case 'gender': {
        const g = GENDER_BY_LABEL[text];
        if (g) input.gender = g;
        else fail(c, `性别应填“男”或“女”，不能是“${text}”`);
        break;
      }
      case 'sectorId': {
        const id = sectors.get(text.replace(/\s/g, ''));
        if (id) input.sectorId = id;
        else fail(c, `本政协没有名为“${text}”的界别`);
        break;
      }
      case 'specialCommitteeId': {
        const id = specials.get(text.replace(/\s/g, ''));
        if (id) input.specialCommitteeId = id;
        else fail(c, `本政协没有名为“${text}”的专委会`);
        break;
      }
      case 'roles': {
        const roles = new Set<(typeof MEMBER_ROLES)[number]>(['member']);
        const unknown: string[] = [];
        for (const part of text.split(/[、,，;；/／\s]+/).filter(Boolean)) {
          const r = ROLE_BY_LABEL.get(part);
          if (r) roles.add(r);
          else unknown.push(part);
        }
        if (unknown.length) fail(c, `不认识的职务“${unknown.join('、')}”，可填：${MEMBER_ROLES.map((r) => MEMBER_ROLE_LABELS[r]).join('、')}`);
        else input.roles = MEMBER_ROLES.filter((r) => roles.has(r));
        break;
      }
      case 'status': {
        const s = STATUS_BY_LABEL[text];
        if (s) input.status = s;
        else fail(c, `状态应填“在任”或“离任”，不能是“${text}”`);
        break;
      }
      case 'phone':
        input.phone = text.replace(/[\s-]/g, '');
        break;
      default:
        input[c.field] = text;
    }
  }
  if (empty) return null;
  return errors.length ? { row: rowNumber, input, errors } : { row: rowNumber, input };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A cell's value as trimmed text (rich text, hyperlinks and formula results included). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDay(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text ?? '').join('').trim();
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v).trim();
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDay(d: Date): string {
  // Excel stores dates as day counts in floating point: round to the nearest day.
  return new Date(Math.round(d.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

type DateResult = { ok: true; value: string } | { ok: false; reason: string };
const BAD_DATE: DateResult = { ok: false, reason: '日期格式应为 YYYY-MM-DD，如 1975-03-08' };

/** Dates arrive as Date objects, Excel day numbers, or text: 1975-03-08, 1975/3/8, 1975.3.8, 1975年3月8日, 19750308, 1975.03 (year and month). */
function cellDate(v: unknown): DateResult {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? BAD_DATE : { ok: true, value: isoDay(v) };
  if (typeof v === 'object' && v !== null && 'result' in v) return cellDate((v as { result: unknown }).result);
  if (typeof v === 'number') {
    // 1975.03 typed into a number cell means March 1975 (a common way to write 出生年月).
    if (v >= 1900 && v < 2100 && !Number.isInteger(v)) {
      const [y, m] = v.toFixed(2).split('.');
      return ymd(+y, +m, 1);
    }
    if (v >= 19000101 && v <= 21001231) return ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    if (v > 0 && v < 100000) return { ok: true, value: isoDay(new Date(EXCEL_EPOCH + v * DAY_MS)) };
    return BAD_DATE;
  }
  const text = cellText(v);
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  if (m) return ymd(+m[1], +m[2], 1);
  // A full timestamp (text copied from another system).
  m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/.exec(text);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return BAD_DATE;
}

function ymd(y: number, m: number, d: number): DateResult {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    const two = (n: number) => String(n).padStart(2, '0');
    return { ok: false, reason: `日期“${y}-${two(m)}-${two(d)}”不存在` };
  }
  return { ok: true, value: t.toISOString().slice(0, 10) };
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The roster as a workbook with the template's columns (an export can be imported again).
 * Written with the streaming writer and without shared strings: 100,000 members take about 4 s
 * (the in-memory writer needs seven times as long).
 */
export async function writeMemberWorkbook(members: MemberView[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new (exceljs().stream.xlsx).WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = '协商 Xieshang';
  const ws = wb.addWorksheet(MEMBER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MEMBER_COLUMNS.map((c) => ({ header: headerLabel(c), key: c.field, width: c.width }));
  for (const f of ['phone', 'birthDate', 'leftAt'] as const) ws.getColumn(f).numFmt = '@';
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: MEMBER_COLUMNS.length } };
  for (const m of members) {
    ws.addRow({
      name: m.name,
      gender: GENDER_LABELS[m.gender],
      ethnicity: m.ethnicity,
      birthDate: m.birthDate,
      party: m.party,
      sectorId: m.sectorName,
      specialCommitteeId: m.specialCommitteeName,
      roles: m.roles.map((r) => MEMBER_ROLE_LABELS[r]).join('、'),
      employer: m.employer,
      title: m.title,
      phone: m.phone,
      status: STATUS_LABELS[m.status],
      leftAt: m.leftAt,
      leftReason: m.leftReason,
    } satisfies Record<Field, string | null>).commit();
  }
  ws.commit();
  await wb.commit();
  sink.end();
  await finished;
  return Buffer.concat(chunks);
}
