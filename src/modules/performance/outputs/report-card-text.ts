import type { EChartsOption } from 'echarts';
import type { ReportCard } from './report-card.js';

/** The report card's sentences and rows, shared by the .docx and the .pdf (the web page has its own, translated). */

export function rankText(c: ReportCard): string {
  const parts = [c.rank.committee ? `全委排名第 ${c.rank.committee} 名（共 ${c.rank.committeeSize} 人）` : '未参加全委排名'];
  if (c.rank.sector && c.member.sectorName) parts.push(`${c.member.sectorName}排名第 ${c.rank.sector} 名（共 ${c.rank.sectorSize} 人）`);
  return parts.join('；') + '。';
}

export function basisLine(c: ReportCard): string {
  return c.basis === 'published'
    ? `依据 ${c.year} 年度履职考核结果（第 ${c.revision} 版，${c.asOf} 发布），积分规则：${c.rulesName}。`
    : `实时积分，截至 ${c.asOf}；年度考核结果发布后以考核结果为准。积分规则：${c.rulesName}。`;
}

/** One row per quota requirement: quota, requirement (≥ min), done, met. */
export function quotaRows(c: ReportCard): string[][] {
  return c.quotas.flatMap((q) => q.requirements.map((r) => [q.label, `${r.label}（至少 ${r.min}）`, String(r.count), r.met ? '已完成' : `差 ${r.shortfall}`]));
}

/** Points by kind as a horizontal bar chart (for chart-svg.ts). */
export function pointsByKindChart(c: ReportCard): EChartsOption {
  const kinds = c.byKind.filter((k) => k.count > 0).reverse();
  return {
    title: { text: '各类履职积分', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: kinds.map((k) => k.label) },
    series: [{ type: 'bar', data: kinds.map((k) => k.points), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}
