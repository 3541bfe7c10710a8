import type { EChartsOption } from 'echarts';
import type { ReportTable } from '../report.types';
import { cellNumber, cellText, columnDigits, winAnsiText, type ReportLanguage } from './cell-text';

export interface ChartSvgOptions {
  language: ReportLanguage;
  /** Drawing width, in SVG user units (the PDF draws one unit as one point). */
  width: number;
  /** Name of the value axis (what the numbers count, e.g. "Número de casos"). */
  valueAxisName: string;
  /** Line charts: fixed height. Bar charts grow with their rows up to `maxHeight`. */
  height?: number;
  maxHeight?: number;
  /** A family pdfkit maps to a standard font (svg-to-pdfkit falls back to Helvetica for unknown ones). */
  fontFamily?: string;
  fontSize?: number;
}

const BAR_COLOR = '#2f5d8a';
const AXIS_COLOR = '#444444';
const GRID_COLOR = '#d9d9d9';
const MARKER_COLOR = '#8a4b00';

/**
 * The report's first series as an SVG chart, drawn by ECharts' server-side renderer (no DOM, no canvas).
 * 'bar': horizontal bars, one row per label, so that long labels (provinces, routes) stay horizontal and
 * readable; 'line': a line over the months. A suppressed cell ("<5", "x") or a not-applicable one (null)
 * has no bar or point, and its label shows the marker, so that the chart never suggests a number the
 * table does not publish. Deterministic: no animation, fixed size and font.
 */
export function renderChartSvg(table: ReportTable, opts: ChartSvgOptions): string {
  if (table.chart === null) throw new Error(`report ${table.name} has no chart`);
  const series = table.series[0];
  if (!series) throw new Error(`report ${table.name} has no series to chart`);
  const fontFamily = opts.fontFamily ?? 'Helvetica';
  const fontSize = opts.fontSize ?? 9;
  const labels = table.labels.map(winAnsiText);
  const values = table.labels.map((_, i) => cellNumber(series.data[i]));
  const digits = columnDigits([...series.data, series.total]);
  const texts = table.labels.map((_, i) => cellText(series.data[i], opts.language, digits));
  // With several series, a legend says which one the chart draws.
  const legendHeight = table.series.length > 1 ? 2 * fontSize : 0;
  const base = {
    animation: false, textStyle: { fontFamily, fontSize, color: AXIS_COLOR },
    legend: {
      show: legendHeight > 0, top: 0, right: 0, itemWidth: 1.4 * fontSize, itemHeight: fontSize, selectedMode: false,
      textStyle: { fontFamily, fontSize, color: AXIS_COLOR }, data: [winAnsiText(series.name)],
    },
  };
  const valueAxis = {
    type: 'value' as const, min: 0, name: winAnsiText(opts.valueAxisName), nameLocation: 'middle' as const,
    nameTextStyle: { fontFamily, fontSize, color: AXIS_COLOR },
    // Ticks written like the figures beside them (20.000 in Spanish, 20,000 in English).
    axisLabel: { fontFamily, fontSize, color: AXIS_COLOR, formatter: (value: number) => cellText(value, opts.language) },
    splitLine: { lineStyle: { color: GRID_COLOR } },
  };
  const markerLabel = { color: MARKER_COLOR, fontFamily, fontSize, textBorderWidth: 0 };

  let option: EChartsOption;
  let height: number;
  if (table.chart === 'bar') {
    const rowHeight = 2 * fontSize;
    height = Math.min(opts.maxHeight ?? Infinity, labels.length * rowHeight + 4 * fontSize + 24 + legendHeight);
    option = {
      ...base,
      grid: { left: 4, right: 6 * fontSize, top: fontSize + legendHeight, bottom: 3.5 * fontSize, containLabel: true },
      yAxis: {
        type: 'category', inverse: true, data: labels,
        axisLabel: { fontFamily, fontSize, color: AXIS_COLOR, interval: 0 }, axisTick: { show: false },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      xAxis: { ...valueAxis, nameGap: 2 * fontSize },
      series: [{
        type: 'bar', name: winAnsiText(series.name), barMaxWidth: 1.4 * fontSize, itemStyle: { color: BAR_COLOR },
        // A suppressed cell stands at 0 (a bar of no length) only to carry its marker as the label.
        data: values.map((v, i) => (v === null
          ? { value: 0, label: { ...markerLabel, show: true, position: 'right' as const, formatter: texts[i] } }
          : v)),
        label: {
          show: true, position: 'right', fontFamily, fontSize, color: AXIS_COLOR, textBorderWidth: 0,
          formatter: (p) => texts[p.dataIndex] ?? '',
        },
      }],
    };
  } else {
    height = opts.height ?? 220;
    const slot = opts.width / Math.max(1, labels.length);
    const longest = Math.max(0, ...labels.map((l) => l.length));
    const rotate = longest * fontSize * 0.55 > slot - 4 ? 40 : 0;
    option = {
      ...base,
      grid: { left: 4, right: 2 * fontSize, top: 2 * fontSize + legendHeight, bottom: 2 * fontSize, containLabel: true },
      xAxis: {
        type: 'category', data: labels, boundaryGap: true,
        axisLabel: { fontFamily, fontSize, color: AXIS_COLOR, interval: 0, rotate }, axisTick: { alignWithLabel: true },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      yAxis: { ...valueAxis, nameLocation: 'end', nameGap: fontSize, nameTextStyle: { ...valueAxis.nameTextStyle, align: 'left' } },
      series: [
        {
          type: 'line', name: winAnsiText(series.name), connectNulls: false, symbol: 'circle', symbolSize: 5,
          lineStyle: { color: BAR_COLOR, width: 2 }, itemStyle: { color: BAR_COLOR },
          data: values.map((v) => (v === null ? '-' : v)),
          label: {
            show: true, position: 'top', fontFamily, fontSize, color: AXIS_COLOR, textBorderWidth: 0,
            formatter: (p) => texts[p.dataIndex] ?? '',
          },
        },
        {
          // The markers of suppressed months, on the axis: the line has a gap there.
          type: 'scatter', silent: true, symbolSize: 0, itemStyle: { opacity: 1 },
          data: values.map((v) => (v === null ? 0 : '-')),
          label: { ...markerLabel, show: true, position: 'top', formatter: (p) => texts[p.dataIndex] ?? '' },
        },
      ],
    };
  }

  // echarts is large: loaded with the first chart drawn, not with every start of the API.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { init } = require('echarts') as typeof import('echarts');
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: opts.width, height });
  try {
    chart.setOption(option);
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * zrender names its instances (zr0, zr1, ...) in ids and numbers its hover-style classes with a counter
 * shared by all charts of the process: renumbered in order of appearance, the same report gives the same SVG.
 */
function stableIds(svg: string): string {
  const classes = new Map<string, string>();
  return svg
    .replace(/\bzr\d+-cls-\d+\b/g, (name) => {
      if (!classes.has(name)) classes.set(name, `ruta-chart-cls-${classes.size}`);
      return classes.get(name)!;
    })
    .replace(/\bzr\d+-/g, 'ruta-chart-');
}
