import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ReportTable } from '../api/report.types';
import { chartHeight, chartOption } from '../lib/chart-option';

// Only what the reports draw: bars and lines on a grid, a title and a tooltip, as SVG (no canvas).
use([BarChart, LineChart, GridComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/**
 * A report's chart, drawn by ECharts into its own element (DOM nodes, never markup strings), resized with
 * its container and disposed with the component. This module is loaded lazily, with ECharts, only when a
 * report with a chart is on screen.
 */
export default function ReportChart({ table, lang, label }: { table: ReportTable; lang: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const height = chartHeight(table);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = init(el, null, { renderer: 'svg' });
    let width = el.clientWidth;
    chart.setOption(chartOption(table, lang, width));
    const observer = new ResizeObserver(() => {
      // Row names are given a share of the width: a new width may wrap them differently.
      if (Math.abs(el.clientWidth - width) > 8) {
        width = el.clientWidth;
        chart.setOption(chartOption(table, lang, width));
      }
      chart.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [table, lang]);
  // The figures are in the table beside it: to assistive technology the chart is one image with a name.
  return <div ref={ref} role="img" aria-label={label} data-chart={table.name} style={{ width: '100%', height }} />;
}
