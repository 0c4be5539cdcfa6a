import type { Content } from 'pdfmake/interfaces.js';
import { chartSvg } from '../../../platform/exports/chart-svg.js';
import { pdfTable, renderPdf } from '../../../platform/exports/pdf.js';
import type { ReportCard } from './report-card.js';
import { basisLine, pointsByKindChart, quotaRows, rankText } from './report-card-text.js';

/** The report card as PDF: the same content as the .docx, with the chart of points by kind embedded as SVG. */
export function reportCardPdf(card: ReportCard): Promise<Buffer> {
  const m = card.member;
  const kinds = card.byKind.filter((k) => k.count > 0);
  const h = (text: string): Content => ({ text, bold: true, fontSize: 13, margin: [0, 12, 0, 4] });
  const content: Content[] = [
    { text: card.committee.name, alignment: 'center', fontSize: 12 },
    { text: `${card.year} 年度委员履职成绩单`, alignment: 'center', bold: true, fontSize: 18, margin: [0, 4, 0, 12] },
    pdfTable(['委员', '界别', '职务', '年度积分', '档次'], [[m.name, m.sectorName ?? '—', m.roleLabel, card.total, card.grade.label]]),
    { text: rankText(card) },
    h('积分构成'),
    kinds.length ? pdfTable(['类别', '次数', '积分'], kinds.map((k) => [k.label, k.count, k.points]), ['*', 60, 60]) : { text: '本年度尚无经核实的履职记录。' },
  ];
  if (card.deductions.length) content.push(h('扣分'), pdfTable(['事项', '次数', '扣分'], card.deductions.map((d) => [d.label, d.count, `−${d.points}`]), ['*', 60, 60]));
  if (kinds.length) {
    const height = Math.max(140, 50 + kinds.length * 26);
    content.push({ svg: chartSvg(pointsByKindChart(card), { width: 480, height }), width: 480, alignment: 'center', margin: [0, 8, 0, 0] });
  }
  const quotas = quotaRows(card);
  content.push(h('履职指标完成情况'), quotas.length ? pdfTable(['指标', '要求', '完成', '状态'], quotas, [90, '*', 50, 60]) : { text: '本职务无指标要求。' });
  if (card.outcome) {
    const o = card.outcome;
    content.push(h('考核结论'), {
      text: [o.commended ? '列入通报表扬名单' : null, o.warned ? '列入提醒谈话名单' : null, o.allowanceYuan > 0 ? `享受履职补贴 ${o.allowanceYuan} 元` : '不享受履职补贴'].filter(Boolean).join('；') + '。',
    });
  }
  content.push({ text: basisLine(card), color: '#888888', fontSize: 9, margin: [0, 18, 0, 0] });
  return renderPdf({ info: { title: `${m.name} ${card.year} 年度履职成绩单`, creator: 'Xieshang' }, content });
}
