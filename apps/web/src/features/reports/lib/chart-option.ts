import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ReportTable } from '../api/report.types';
import { cellKind, cellText, formatFigure } from './cells';
import { isMonth, monthName } from './period';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TitleComponentOption | TooltipComponentOption>;

/** Ruta's blue (Mantine blue 8, the app's primary shade) and dark text: AA on white. */
const BAR = '#1971c2';
const TEXT = '#212529';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const ROW_HEIGHT = 28;

/** Whether a report's chart would show anything: a figure above zero in its first series (else the table says it all). */
export function hasChart(table: ReportTable): boolean {
  return table.chart !== null && table.series.length > 0 && table.series[0].data.some((cell) => typeof cell === 'number' && cell > 0);
}

/** Row names take up to two fifths of the chart's width (long names wrap), within readable bounds. */
export function labelWidth(chartWidth: number): number {
  return Math.round(Math.min(260, Math.max(96, chartWidth * 0.4)));
}

/** The chart's height in pixels: one band per row for bars, a fixed band for a line over months. */
export function chartHeight(table: ReportTable): number {
  return table.chart === 'line' ? 280 : Math.max(140, table.labels.length * ROW_HEIGHT + 64);
}

/**
 * The ECharts option of a report's chart (PRODUCT.md section 11): the first series, as horizontal bars
 * (rows are long names: provinces, agencies) or as a line over months. A suppressed cell ("<5", "x") has
 * no bar and no point (it is not a zero); its marker is written beside its row's name instead, so the
 * chart says what the table says. Numbers and months follow the user's language.
 */
export function chartOption(table: ReportTable, lang: string, width = 520): ChartOption {
  const series = table.series[0];
  const values = series.data.map((cell) => (typeof cell === 'number' ? cell : null));
  const marked = (name: string, i: number) => {
    const kind = cellKind(series.data[i]);
    return kind === 'small' || kind === 'withheld' ? `${name} (${series.data[i]})` : name;
  };
  const figure = (value: unknown) => (typeof value === 'number' ? formatFigure(value, series.unit, lang) : '');
  const whole = series.unit === 'cases' || series.unit === 'count';
  const tooltip: TooltipComponentOption = {
    trigger: 'axis',
    // Drawn inside the SVG: no HTML written into the page (the CSP allows no inline script anyway).
    renderMode: 'richText',
    axisPointer: { type: table.chart === 'line' ? 'line' : 'shadow' },
    formatter: (params) => {
      const first = Array.isArray(params) ? params[0] : params;
      const i = first?.dataIndex ?? 0;
      return `${table.labels[i]}: ${cellText(series.data[i], series.unit, lang)}`;
    },
  };
  const base = {
    animation: false,
    textStyle: { fontFamily: FONT, color: TEXT },
    title: { text: series.name, left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 600, color: TEXT, fontFamily: FONT } },
    tooltip,
  } satisfies ChartOption;

  if (table.chart === 'line') {
    const months = table.keys.every(isMonth);
    return {
      ...base,
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: table.keys.map((key, i) => marked(months ? monthName(key, lang, 'short') : table.labels[i], i).replace(' (', '\n(')),
        axisLabel: { color: TEXT, interval: 0, hideOverlap: true },
        axisLine: { lineStyle: { color: '#868e96' } },
      },
      yAxis: {
        type: 'value',
        minInterval: whole ? 1 : undefined,
        axisLabel: { color: TEXT, formatter: (v: number) => figure(v) },
        splitLine: { lineStyle: { color: '#dee2e6' } },
      },
      series: [{
        type: 'line', name: series.name, data: values, connectNulls: false, symbol: 'circle', symbolSize: 7,
        itemStyle: { color: BAR }, lineStyle: { color: BAR, width: 2 },
        label: { show: values.length <= 12, position: 'top', color: TEXT, formatter: (p) => figure(p.value) },
      }],
    };
  }

  return {
    ...base,
    grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: whole ? 1 : undefined,
      axisLabel: { color: TEXT, formatter: (v: number) => figure(v) },
      splitLine: { lineStyle: { color: '#dee2e6' } },
    },
    yAxis: {
      type: 'category',
      // The first row on top, as in the table.
      inverse: true,
      data: table.labels.map(marked),
      axisLabel: { color: TEXT, width: labelWidth(width), overflow: 'break', lineHeight: 15, interval: 0 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#868e96' } },
    },
    series: [{
      type: 'bar', name: series.name, data: values, barMaxWidth: 20, itemStyle: { color: BAR },
      label: { show: true, position: 'right', color: TEXT, formatter: (p) => figure(p.value) },
    }],
  };
}
