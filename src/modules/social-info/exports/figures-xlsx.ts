import type * as ExcelJS from 'exceljs';
import { exceljs } from '../../../platform/exports/lazy.js';
import { SOURCE_LABELS, type SOURCE_KINDS } from '../contracts.js';
import type { AuthorFigures, Figures } from '../queries/figures.js';
import type { ExportRow } from '../queries/list-items.js';
import { chinaDate } from '../../../platform/time.js';

/** The social-information workbooks: the year's figures, the year-end list of authors, the item list. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Col = { header: string; key: string; width: number };

function sheet(wb: ExcelJS.Workbook, name: string, columns: Col[], rows: Record<string, unknown>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  for (const r of rows) ws.addRow(r);
  return ws;
}

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const sourceLabel = (k: string) => SOURCE_LABELS[k as (typeof SOURCE_KINDS)[number]] ?? k;

const AUTHOR_COLS: Col[] = [
  { header: '序号', key: 'n', width: 6 }, { header: '作者', key: 'name', width: 12 }, { header: '界别', key: 'sector', width: 20 },
  { header: '报送', key: 'submitted', width: 8 }, { header: '刊发', key: 'published', width: 8 },
  { header: '采用', key: 'adopted', width: 8 }, { header: '获批示', key: 'instructed', width: 8 },
];
const authorRows = (authors: AuthorFigures[]) => authors.map((a, i) => ({ n: i + 1, ...a, sector: a.sector ?? '' }));

/** Sheets 汇总, 按报送单位, 按作者, 按界别, 按信息员. */
export async function figuresWorkbook(f: Figures, allAuthors: AuthorFigures[], committeeName: string): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = committeeName;
  const t = f.totals;
  const summary = sheet(wb, '汇总', [{ header: '项目', key: 'k', width: 28 }, { header: `${f.year}年`, key: 'v', width: 14 }], [
    { k: '收到信息（条）', v: t.received }, { k: '其中急报', v: t.urgent }, { k: '刊发信息（条）', v: t.published },
    { k: '编发期数', v: t.issuesReleased }, { k: '报送信息（条）', v: t.forwarded }, { k: '被采用（条）', v: t.adopted },
    { k: '获领导批示（条）', v: t.instructed },
    ...f.instructionLevels.map((l) => ({ k: `　其中${l.label}批示`, v: l.items })),
    { k: '退回修改', v: t.returned }, { k: '存档未用', v: t.archived }, { k: '合并', v: t.merged },
    ...f.issues.map((i) => ({ k: `《${i.periodicalName}》期数`, v: i.released })),
    ...f.sources.map((s) => ({ k: `来源：${sourceLabel(s.sourceKind)}`, v: s.count })),
  ]);
  summary.addRow([]);
  summary.addRow(['月份', '收到', '刊发']).font = { bold: true };
  for (const m of f.monthly) summary.addRow([`${m.month}月`, m.received, m.published]);

  sheet(wb, '按报送单位', [
    { header: '报送单位', key: 'destination', width: 20 }, { header: '报送（条）', key: 'forwarded', width: 12 },
    { header: '采用（条）', key: 'adopted', width: 12 }, { header: '批示（条）', key: 'instructed', width: 12 },
  ], f.destinations);
  sheet(wb, '按作者', AUTHOR_COLS, authorRows(allAuthors));
  sheet(wb, '按界别', [
    { header: '界别', key: 'sector', width: 24 }, { header: '报送', key: 'submitted', width: 8 }, { header: '刊发', key: 'published', width: 8 },
    { header: '采用', key: 'adopted', width: 8 }, { header: '获批示', key: 'instructed', width: 8 },
  ], f.sectors);
  sheet(wb, '按信息员', [
    { header: '信息员', key: 'name', width: 12 }, { header: '月任务', key: 'monthlyQuota', width: 8 },
    ...Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, key: `m${i + 1}`, width: 6 })),
    { header: '合计', key: 'total', width: 8 }, { header: '全年任务', key: 'owed', width: 10 }, { header: '达标月数', key: 'monthsMet', width: 10 },
  ], f.officers.map((o) => ({ ...o, ...Object.fromEntries(o.months.map((n, i) => [`m${i + 1}`, n])) })));
  return toBuffer(wb);
}

/** 年度作者名单: every author with items submitted, published, adopted and instructed in the year. */
export async function authorsWorkbook(year: number, authors: AuthorFigures[], committeeName: string): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = committeeName;
  sheet(wb, `${year}年度作者名单`, AUTHOR_COLS, authorRows(authors));
  return toBuffer(wb);
}

/** The filtered item list. */
export async function itemsWorkbook(rows: ExportRow[], authorNames: Map<string, string>): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  const day = (s: string | null) => (s ? chinaDate(s) : '');
  sheet(wb, '社情民意信息', [
    { header: '序号', key: 'n', width: 6 }, { header: '标题', key: 'title', width: 46 }, { header: '状态', key: 'stateLabel', width: 10 },
    { header: '急报', key: 'urgent', width: 6 }, { header: '来源', key: 'source', width: 16 }, { header: '作者', key: 'authors', width: 20 },
    { header: '报送日期', key: 'submitted', width: 12 }, { header: '刊发日期', key: 'published', width: 12 }, { header: '刊期', key: 'issueLabel', width: 22 },
    { header: '报送至', key: 'destinations', width: 24 }, { header: '采用', key: 'adopted', width: 24 }, { header: '批示', key: 'instructions', width: 30 },
  ], rows.map((r, i) => ({
    n: i + 1, title: r.title, stateLabel: r.stateLabel, urgent: r.urgent ? '是' : '', source: r.sourceName ?? sourceLabel(r.sourceKind),
    authors: r.memberIds.map((m) => authorNames.get(m) ?? '').filter(Boolean).join('、'),
    submitted: day(r.submittedAt), published: day(r.publishedAt), issueLabel: r.issueLabel ?? '',
    destinations: r.destinations.join('、'), adopted: r.adopted.join('、'), instructions: r.instructions.join('；'),
  })));
  return toBuffer(wb);
}
