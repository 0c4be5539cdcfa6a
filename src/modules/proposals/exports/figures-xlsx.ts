import type * as ExcelJS from 'exceljs';
import { exceljs } from '../../../platform/exports/lazy.js';
import { RATING_LABELS } from '../contracts.js';
import type { ProposalFigures } from '../queries/figures.js';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** The figures as a workbook: summary, units, sectors, categories, months — one sheet each. */
export async function figuresWorkbook(f: ProposalFigures, committeeName: string): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = committeeName;
  const scope = f.scope.sessionName ?? (f.scope.year ? `${f.scope.year}年` : '全部');
  const t = f.totals;
  const summary: (string | number)[][] = [
    ['统计范围', scope],
    ['收到提案', t.received], ['立案', t.filed], ['并案', t.merged], ['转为意见建议', t.converted], ['不予立案', t.notFiled],
    ['撤案', t.withdrawn], ['审查中', t.underReview],
    ...f.notFiledByReason.map((r) => [`　不予立案：${r.label}`, r.count]),
    ['应答复（主办/分办）', f.timeliness.answering], ['已答复', f.timeliness.replied], ['按期答复', f.timeliness.onTime],
    ['逾期答复', f.timeliness.late], ['逾期未答复', f.timeliness.overdue], ['按期答复率', pct(f.timeliness.onTimeRate)],
    ...f.classes.map((c) => [`${c.code}类（${c.label}）`, `${c.count}（${pct(c.share)}）`]),
    [RATING_LABELS.satisfied, f.satisfaction.satisfied], [RATING_LABELS.basically_satisfied, f.satisfaction.basicallySatisfied],
    [RATING_LABELS.dissatisfied, f.satisfaction.dissatisfied], ['满意率（满意＋基本满意）', pct(f.satisfaction.rate)],
  ];
  sheet(wb, '总体情况', [{ header: '项目', width: 40 }, { header: '数值', width: 24 }], summary);
  sheet(
    wb, '承办单位',
    ['承办单位', '主办', '会办', '分办', '应答复', '已答复', '按期', '逾期答复', '逾期未答复', '按期答复率', '满意', '基本满意', '不满意', '满意率']
      .map((header, i) => ({ header, width: i === 0 ? 30 : 11 })),
    f.units.map((u) => [u.name, u.lead, u.co, u.split, u.answering, u.replied, u.onTime, u.late, u.overdue, pct(u.onTimeRate),
      u.satisfied, u.basicallySatisfied, u.dissatisfied, pct(u.rate)]),
  );
  sheet(wb, '界别', [{ header: '界别', width: 24 }, { header: '收到', width: 10 }, { header: '立案', width: 10 }], f.sectors.map((s) => [s.name, s.received, s.filed]));
  sheet(
    wb, '类别', [{ header: '类别', width: 16 }, { header: '收到', width: 10 }, { header: '立案', width: 10 }, { header: '已答复', width: 10 }],
    f.categories.map((c) => [c.name, c.received, c.filed, c.replied]),
  );
  sheet(
    wb, '月度', [{ header: '月份', width: 12 }, { header: '收到', width: 10 }, { header: '立案', width: 10 }, { header: '答复', width: 10 }],
    f.monthly.map((m) => [m.month, m.received, m.filed, m.replied]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
