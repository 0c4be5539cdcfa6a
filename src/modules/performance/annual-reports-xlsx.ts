import { exceljs } from '../../platform/exports/lazy.js';
import type { annualReportStatus } from './queries/annual-reports.js';
import { chinaDateTime as chinaTime } from '../../platform/time.js';

type Status = Awaited<ReturnType<typeof annualReportStatus>>;


/** 常委年度述职 of a year as a workbook: every standing-committee member, submitted or not, and when. */
export async function annualReportsXlsx(s: Status, committeeName: string): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'Xieshang';
  const ws = wb.addWorksheet(`${s.year}年度常委述职`, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`${committeeName} ${s.year} 年度常委履职述职提交情况（已提交 ${s.counts.submitted} / 应提交 ${s.counts.expected}）`]).font = { bold: true };
  ws.mergeCells(1, 1, 1, 5);
  const header = ws.addRow(['序号', '姓名', '状态', '首次提交时间', '最后修改时间']);
  header.font = { bold: true };
  [6, 12, 10, 18, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const rows = [
    ...s.submitted.map((r) => ({ name: r.name, status: '已提交', at: chinaTime(r.submittedAt), updated: chinaTime(r.updatedAt) })),
    ...s.missing.map((r) => ({ name: r.name, status: '未提交', at: '', updated: '' })),
  ];
  rows.forEach((r, i) => ws.addRow([i + 1, r.name, r.status, r.at, r.updated]));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 5 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
