import type { EChartsOption } from 'echarts';
import { echarts } from './lazy.js';

/**
 * A chart drawn on the server as an SVG string (ECharts server-side rendering: no DOM, no
 * canvas), for .pdf (pdfmake `svg` nodes) and anything else that embeds a picture of figures.
 *
 * The text uses a CJK family list whose first name is the font registered in pdf.ts, so the
 * PDF draws the labels with the embedded Noto Sans SC; browsers and viewers fall back to the
 * others. Names are unquoted: ECharts writes the family into a double-quoted style attribute.
 *
 * @example
 * const svg = chartSvg({
 *   xAxis: { type: 'category', data: ['调研', '视察'] }, yAxis: { type: 'value' },
 *   series: [{ type: 'bar', data: [3, 5] }],
 * }, { width: 480, height: 240 });
 */
export const CJK_FONT_FAMILY = 'NotoSansSC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

export function chartSvg(option: EChartsOption, size: { width: number; height: number } = { width: 640, height: 360 }): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    const textStyle = (option.textStyle ?? {}) as Record<string, unknown>;
    chart.setOption({ animation: false, ...option, textStyle: { fontFamily: CJK_FONT_FAMILY, ...textStyle } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
