import type { ReportTable } from '../api/report.types';
import { cellKind, cellText } from '../lib/cells';
import { chartHeight, chartOption, hasChart, labelWidth } from '../lib/chart-option';
import { addMonths, defaultPeriod, monthCount, monthName, monthOptions, periodOf } from '../lib/period';

const table = (over: Partial<ReportTable> = {}): ReportTable => ({
  name: 'by-province', title: 'Casos por provincia', dimension: 'Provincia', keys: ['04', '17', '09'], labels: ['Carchi', 'Pichincha', 'Guayas'],
  series: [{ key: 'cases', name: 'Casos', unit: 'cases', data: [1234, '<5', 'x'], total: 1240 }], chart: 'bar', ...over,
});

describe('reports period (PRODUCT.md section 11: whole months)', () => {
  it('defaults to the last 12 whole months in Ecuador, the current month left out', () => {
    expect(defaultPeriod(new Date('2026-12-02T05:27:00Z'))).toEqual({ from: '2025-12', to: '2026-11' });
    // 1 January at 02:00 UTC is still 31 December in Ecuador (UTC-5).
    expect(defaultPeriod(new Date('2027-01-01T02:00:00Z'))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod(new Date('2026-01-15T12:00:00Z'))).toEqual({ from: '2025-01', to: '2025-12' });
  });

  it('counts months across years and takes the period from the URL, the default where an end is missing', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
    expect(monthCount({ from: '2025-12', to: '2026-11' })).toBe(12);
    expect(monthCount({ from: '2026-06', to: '2026-06' })).toBe(1);
    expect(monthCount({ from: '2026-06', to: '2026-01' })).toBe(0);
    expect(monthCount({ from: '2026-6', to: '2026-07' })).toBe(0);
    const now = new Date('2026-12-02T12:00:00Z');
    expect(periodOf(new URLSearchParams('from=2026-01&to=2026-06'), now)).toEqual({ from: '2026-01', to: '2026-06' });
    expect(periodOf(new URLSearchParams(''), now)).toEqual({ from: '2025-12', to: '2026-11' });
    // A malformed month is left as it is, for the API to refuse on its field.
    expect(periodOf(new URLSearchParams('from=2026-13&to=2026-06'), now)).toEqual({ from: '2026-13', to: '2026-06' });
  });

  it('offers the months from the current one back to January nine years before, and a linked month outside them', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const options = monthOptions('es', [], now);
    expect(options[0]).toEqual({ value: '2026-12', label: 'diciembre de 2026' });
    expect(options.at(-1)).toEqual({ value: '2017-01', label: 'enero de 2017' });
    expect(options).toHaveLength(120);
    const linked = monthOptions('en', ['2001-05', '2026-13', '2026-06'], now);
    expect(linked.at(-1)).toEqual({ value: '2001-05', label: 'May 2001' });
    expect(linked).toHaveLength(121);
  });

  it('names months in each language', () => {
    expect(monthName('2026-06', 'es')).toBe('junio de 2026');
    expect(monthName('2026-06', 'en')).toBe('June 2026');
    expect(monthName('2026-06', 'es', 'short')).toBe('jun 26');
    expect(monthName('junio', 'es')).toBe('junio');
  });
});

describe('report cells', () => {
  it('shows figures in the language and markers as published', () => {
    expect(cellKind(3)).toBe('number');
    expect(cellKind('<5')).toBe('small');
    expect(cellKind('x')).toBe('withheld');
    expect(cellKind(null)).toBe('none');
    expect(cellText(12345, 'cases', 'es')).toBe('12.345');
    expect(cellText(12345, 'cases', 'en')).toBe('12,345');
    expect(cellText(12.5, 'percent', 'es')).toBe('12,5%');
    expect(cellText(12.5, 'percent', 'en')).toBe('12.5%');
    expect(cellText('<5', 'cases', 'es')).toBe('<5');
    expect(cellText('x', 'cases', 'en')).toBe('x');
    expect(cellText(null, 'days', 'es')).toBe('—');
    expect(cellText(undefined, 'days', 'es')).toBe('—');
  });
});

describe('report charts', () => {
  it('draws no bar for a suppressed cell and writes its marker beside the row name', () => {
    const option = chartOption(table(), 'es', 600) as { yAxis: { data: string[] }; series: { type: string; data: (number | null)[] }[] };
    expect(option.series[0].type).toBe('bar');
    expect(option.series[0].data).toEqual([1234, null, null]);
    expect(option.yAxis.data).toEqual(['Carchi', 'Pichincha (<5)', 'Guayas (x)']);
    expect(chartHeight(table())).toBeGreaterThanOrEqual(140);
    expect(labelWidth(600)).toBe(240);
    expect(labelWidth(150)).toBe(96);
    expect(labelWidth(1200)).toBe(260);
  });

  it('draws no chart when its first series has no figure above zero', () => {
    expect(hasChart(table())).toBe(true);
    expect(hasChart(table({ series: [{ key: 'cases', name: 'Casos', unit: 'cases', data: [0, '<5', null] }] }))).toBe(false);
    expect(hasChart(table({ series: [] }))).toBe(false);
    expect(hasChart(table({ chart: null }))).toBe(false);
  });

  it('draws a line over months with short month names and a gap where a month is suppressed', () => {
    const months = table({
      name: 'by-month', chart: 'line', keys: ['2026-05', '2026-06', '2026-07'], labels: ['mayo de 2026', 'junio de 2026', 'julio de 2026'],
      series: [{ key: 'cases', name: 'Casos', unit: 'cases', data: [0, 11, '<5'], total: 14 }],
    });
    const option = chartOption(months, 'es') as { xAxis: { data: string[] }; series: { type: string; data: (number | null)[]; connectNulls: boolean }[] };
    expect(option.series[0]).toMatchObject({ type: 'line', data: [0, 11, null], connectNulls: false });
    expect(option.xAxis.data).toEqual(['may 26', 'jun 26', 'jul 26\n(<5)']);
  });
});
