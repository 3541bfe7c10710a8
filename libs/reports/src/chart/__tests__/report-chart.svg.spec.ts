import type { ReportTable } from '../../report.types';
import { cellText, columnDigits, winAnsiText } from '../cell-text';
import { renderChartSvg } from '../report-chart.svg';

const provinces: ReportTable = {
  name: 'by-province', title: 'Casos por provincia', dimension: 'Provincia', chart: 'bar',
  keys: ['21', '13', '20', '16', '09'], labels: ['Sucumbíos', 'Manabí', 'Galápagos', 'Pastaza', 'Guayas'],
  series: [{ key: 'cases', name: 'Casos', unit: 'cases', data: [22, 15, '<5', null, 'x'] }],
};

const months: ReportTable = {
  name: 'by-month', title: 'Casos por mes', dimension: 'Mes', chart: 'line',
  keys: ['2025-01', '2025-02', '2025-03', '2025-04'], labels: ['ene 2025', 'feb 2025', 'mar 2025', 'abr 2025'],
  series: [{ key: 'cases', name: 'Casos', unit: 'cases', data: [21, 'x', '<5', 26] }],
};

const options = { language: 'es' as const, width: 480, valueAxisName: 'Número de casos' };

/** The text elements of an SVG, in document order. */
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<'));

/** Bars: the filled paths the bar series draws (ECharts marks them with their series and data index). */
const bars = (svg: string): string[] => [...svg.matchAll(/<path d="([^"]*)"[^>]*fill="#2f5d8a"[^>]*ecmeta_series_index="0"/g)].map((m) => m[1]!);

describe('renderChartSvg', () => {
  it('draws an SVG of the requested width, with the labels and the value axis name, accents kept', () => {
    const svg = renderChartSvg(provinces, options);
    expect(svg).toMatch(/^<svg width="480" height="\d+"/);
    expect(svg).toContain('font-family:Helvetica');
    const labels = texts(svg);
    for (const label of ['Sucumbíos', 'Manabí', 'Galápagos', 'Número de casos']) expect(labels).toContain(label);
  });

  it('draws a bar only for numbers: a suppressed or not-applicable cell has no length and shows its marker', () => {
    const svg = renderChartSvg(provinces, options);
    const lengths = bars(svg).map((d) => Number(/l([\d.]+) 0/.exec(d)?.[1] ?? 0));
    expect(lengths.filter((l) => l > 0)).toHaveLength(2);
    const labels = texts(svg);
    expect(labels).toEqual(expect.arrayContaining(['22', '15', '<5', 'x', '–']));
  });

  it('draws a line over the months with a gap and the markers where months are suppressed', () => {
    const svg = renderChartSvg(months, { ...options, height: 200 });
    expect(svg).toMatch(/^<svg width="480" height="200"/);
    const labels = texts(svg);
    expect(labels).toEqual(expect.arrayContaining(['ene 2025', 'abr 2025', '21', '26', 'x', '<5']));
    // Two numbers apart: the line has no segment between them ("M" starts a new piece).
    const line = /<path d="(M[^"]*)" fill="none"[^>]*stroke="#2f5d8a"/.exec(svg)?.[1] ?? '';
    expect(line.match(/M/g)?.length).toBe(2);
  });

  it('gives the same SVG for the same report, however many charts were drawn before', () => {
    const first = renderChartSvg(provinces, options);
    renderChartSvg(months, options);
    expect(renderChartSvg(provinces, options)).toBe(first);
  });

  it('grows a bar chart with its rows up to the height it is given', () => {
    const many: ReportTable = { ...provinces, keys: Array.from({ length: 40 }, (_, i) => `r${i}`), labels: Array.from({ length: 40 }, (_, i) => `Ruta ${i}`), series: [{ ...provinces.series[0]!, data: Array.from({ length: 40 }, (_, i) => i) }] };
    const height = (svg: string): number => Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(height(renderChartSvg(many, options))).toBeGreaterThan(height(renderChartSvg(provinces, options)));
    expect(height(renderChartSvg(many, { ...options, maxHeight: 500 }))).toBe(500);
  });

  it('refuses a report without a chart', () => {
    expect(() => renderChartSvg({ ...provinces, chart: null }, options)).toThrow(/no chart/);
  });
});

describe('cell text', () => {
  it('prints numbers in the language with the column decimals, markers as published, null as a dash', () => {
    expect(cellText(1234, 'es')).toBe('1.234');
    expect(cellText(1234.5, 'en')).toBe('1,234.5');
    expect(cellText(81, 'es', columnDigits([81, 4.5, 'x', null]))).toBe('81,0');
    expect(cellText('<5', 'es')).toBe('<5');
    expect(cellText(null, 'en')).toBe('–');
  });

  it('keeps Spanish for the PDF standard fonts and swaps what WinAnsi lacks', () => {
    expect(winAnsiText('¿Niñas, niños? ¡Sí! áéíóúü ÁÉÍÓÚÑ')).toBe('¿Niñas, niños? ¡Sí! áéíóúü ÁÉÍÓÚÑ');
    expect(winAnsiText('09:32\u202fp.\u00a0m. \u22125 Quito → Lima')).toBe('09:32 p. m. -5 Quito -> Lima');
    expect(winAnsiText('Dąbrowa Górnicza, Łódź, 中')).toBe('Dabrowa Górnicza, ?ódz, ?');
  });
});
