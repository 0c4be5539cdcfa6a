import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType } from 'docx';
import { ChartRun } from 'docx/charts';
import type { ReportCard } from './report-card.js';
import { basisLine, quotaRows, rankText } from './report-card-text.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FONT = { ascii: 'Microsoft YaHei', eastAsia: 'Microsoft YaHei', hAnsi: 'Microsoft YaHei' };

const cell = (text: string, opts: { bold?: boolean; header?: boolean; width?: number } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold || opts.header })] })],
    shading: opts.header ? { type: ShadingType.CLEAR, fill: 'F0F2F5', color: 'auto' } : undefined,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
  });

function table(header: string[], rows: string[][], widths?: number[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { header: true, width: widths?.[i] })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { width: widths?.[i] })) })),
    ],
  });
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text })] });

/**
 * The report card as Word. The chart of points by kind is a native Word chart (docx's ChartRun:
 * drawn by Word from its data, editable with "Edit Data"), not a picture: docx takes SVG only
 * with a PNG/JPG fallback and nothing installed here rasterises SVG.
 */
export async function reportCardDocx(card: ReportCard): Promise<Buffer> {
  const m = card.member;
  const kinds = card.byKind.filter((k) => k.count > 0);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: card.committee.name, size: 24 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, spacing: { after: 240 },
      children: [new TextRun({ text: `${card.year} 年度委员履职成绩单`, bold: true, size: 36 })],
    }),
    table(['委员', '界别', '职务', '年度积分', '档次'], [[m.name, m.sectorName ?? '—', m.roleLabel, String(card.total), card.grade.label]]),
    new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: rankText(card) })] }),
    heading('积分构成'),
    kinds.length
      ? table(['类别', '次数', '积分'], kinds.map((k) => [k.label, String(k.count), String(k.points)]), [60, 20, 20])
      : new Paragraph({ children: [new TextRun({ text: '本年度尚无经核实的履职记录。' })] }),
  ];
  if (card.deductions.length) {
    children.push(heading('扣分'), table(['事项', '次数', '扣分'], card.deductions.map((d) => [d.label, String(d.count), `−${d.points}`]), [60, 20, 20]));
  }
  if (kinds.length) {
    children.push(new Paragraph({
      spacing: { before: 200 },
      children: [new ChartRun({
        type: 'bar', title: '各类履职积分', legend: false, font: { name: FONT.eastAsia },
        categories: kinds.map((k) => k.label), series: [{ name: '积分', values: kinds.map((k) => k.points), color: '1677FF' }],
        dataLabels: { value: true }, transformation: { width: 576, height: Math.max(160, 40 + kinds.length * 28) },
      })],
    }));
  }
  children.push(heading('履职指标完成情况'));
  const quotas = quotaRows(card);
  children.push(quotas.length ? table(['指标', '要求', '完成', '状态'], quotas, [25, 35, 20, 20]) : new Paragraph({ children: [new TextRun({ text: '本职务无指标要求。' })] }));
  if (card.outcome) {
    const o = card.outcome;
    children.push(heading('考核结论'), new Paragraph({
      children: [new TextRun({ text: [o.commended ? '列入通报表扬名单' : null, o.warned ? '列入提醒谈话名单' : null, o.allowanceYuan > 0 ? `享受履职补贴 ${o.allowanceYuan} 元` : '不享受履职补贴'].filter(Boolean).join('；') + '。' })],
    }));
  }
  children.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: basisLine(card), color: '888888', size: 18 })] }));
  const doc = new Document({
    creator: 'Xieshang', title: `${m.name} ${card.year} 年度履职成绩单`,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
