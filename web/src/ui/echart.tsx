import { useEffect, useRef, type CSSProperties } from 'react';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  type DatasetComponentOption, type GridComponentOption, type LegendComponentOption, type TitleComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Tree-shaken ECharts: only these charts and components enter the bundle (and only the chunks of pages that use them).
use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** The options this wrapper can draw: bar, line and pie series with grid, legend, tooltip, title and dataset. */
export type EChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | DatasetComponentOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption
>;

export interface EChartProps {
  option: EChartOption;
  /** CSS height; the width follows the container (resized with it). */
  height?: number | string;
  style?: CSSProperties;
  'data-testid'?: string;
  /** Text for screen readers: a chart is a picture, its figures should also be in a table nearby. */
  ariaLabel?: string;
}

/**
 * One chart: `<EChart option={{ xAxis: {...}, yAxis: {}, series: [{ type: 'bar', data }] }} height={280} />`.
 * SVG rendering (crisp on phones, small); the chart follows its container's size and is disposed on unmount.
 */
export function EChart({ option, height = 300, style, ariaLabel, ...rest }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} role="img" aria-label={ariaLabel} data-testid={rest['data-testid']} style={{ width: '100%', height, ...style }} />;
}

export default EChart;
