import ExcelJS from 'exceljs';
import { monthLabel, type PlanDocument } from './plan-document.js';

/** The plan as a workbook: one sheet, one row per item, grouped by form like the Word version. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function planXlsx(d: PlanDocument, creator: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  const ws = wb.addWorksheet('协商计划', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = [d.title, d.decisionLine, d.versionLine].filter(Boolean).join(' ');
  ws.getCell('A1').font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = ['序号', '协商形式', '协商议题', '计划时间', '牵头单位', '参加领导', '参与单位', '监督性议题'];
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  [6, 18, 40, 10, 18, 24, 30, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let n = 0;
  for (const g of d.groups) {
    for (const i of g.items) {
      ws.addRow([++n, g.form, i.title, monthLabel(i.month), i.lead, i.leaders.join('、'), i.units.join('、'), i.supervisory ? '是' : '']);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
