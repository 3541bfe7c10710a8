import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderSummaryPdf } from '../summary-pdf';
import type { ReportTable } from '../../report.types';
import { summaryEn, summaryEs } from './summary.fixture';

/**
 * The summary PDF is checked the way a reader meets it: its text as poppler extracts it (pdftotext) and
 * its first page as pixels (pdftoppm). RUTA_WRITE_SAMPLE_PDF=1 also writes the sample PDF and its first
 * pages as PNG under docs/reports/, to be looked at and committed.
 */

const work = mkdtempSync(join(tmpdir(), 'ruta-summary-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The page's gray pixels, from a binary PGM (P5) that pdftoppm writes: no image library needed. */
function firstPageGray(pdf: Buffer, name: string): { width: number; height: number; pixels: Buffer } {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(work, name)]);
  const pgm = readFileSync(join(work, `${name}.pgm`));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: pgm.subarray(whole.length) };
}

interface PlacedText {
  page: number;
  /** The page's size, in the same units (pdftohtml draws 1.5 px per point). */
  pageWidth: number;
  pageHeight: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  text: string;
  bold: boolean;
}

/** Every run of text with its page, position and weight, from poppler's XML export (pdftohtml -xml). */
function placedTexts(pdf: Buffer, name: string): PlacedText[] {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8' });
  const out: PlacedText[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of xml.split('\n')) {
    const p = /<page number="(\d+)"[^>]* height="(\d+)" width="(\d+)"/.exec(line);
    if (p) [page, pageHeight, pageWidth] = [Number(p[1]), Number(p[2]), Number(p[3])];
    const t = /<text top="(\d+)" left="(\d+)" width="(\d+)" height="(\d+)" font="\d+">(.*)<\/text>/.exec(line);
    if (!t) continue;
    const raw = t[5]!;
    const text = raw.replace(/<\/?[bi]>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&amp;/g, '&');
    out.push({
      page, pageWidth, pageHeight, top: Number(t[1]), bottom: Number(t[1]) + Number(t[4]), left: Number(t[2]),
      right: Number(t[2]) + Number(t[3]), text, bold: raw.startsWith('<b>'),
    });
  }
  return out;
}

/**
 * Texts outside the content area: A4 is 595.28 x 841.89 pt, with margins of 50 pt at the sides and 60 pt
 * at the bottom, where only the footer stands.
 */
function outsideMargins(placed: PlacedText[]): PlacedText[] {
  return placed.filter((t) => {
    const scale = t.pageHeight / 841.89;
    const footer = t.text.startsWith('Ruta · ') || t.text.startsWith('Página ');
    return t.left < 50 * scale - 1 || t.right > (595.28 - 50) * scale + 1 || (!footer && t.bottom > (841.89 - 60) * scale + 1);
  });
}

/** pdftotext -layout puts runs of spaces between columns: compare words, not the spacing. */
const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line of the text that starts (after the layout's indent) with `label`. */
function lineOf(text: string, label: string): string {
  const line = squeeze(text).split('\n').find((l) => l.trim().startsWith(label));
  if (line === undefined) throw new Error(`no line starts with "${label}"`);
  return line.trim();
}

describe('renderSummaryPdf', () => {
  let es: Buffer;
  let esText: string;
  const chartWarnings: string[] = [];

  beforeAll(async () => {
    es = await renderSummaryPdf(summaryEs, { onChartWarning: (message) => chartWarnings.push(message) });
    esText = pdfText(es, 'es');
  });

  it('writes a PDF', () => {
    expect(es.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(es.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  });

  it('prints the title block: period as month names, timestamps in Ecuador time, k and the legend', () => {
    const text = squeeze(esText);
    expect(text).toContain('Resumen estadístico de casos de trata de personas');
    expect(text).toContain('Período: enero de 2025 – diciembre de 2025');
    // 14:32 UTC is 09:32 in Guayaquil.
    expect(text).toContain('Generado: 15 de enero de 2026, 09:32 (hora de Ecuador, UTC-5)');
    expect(text).toContain('Datos actualizados: 15 de enero de 2026, 06:00');
    expect(text).toContain('Protección de celdas pequeñas (k = 5)');
    expect(text).toMatch(/<5 entre 1 y 4 casos/);
    expect(text).toMatch(/x valor suprimido para que no pueda deducirse/);
  });

  it('prints every report title, row labels with their accents and numbers in the Spanish format', () => {
    const text = squeeze(esText);
    for (const report of summaryEs.reports) expect(text).toContain(report.title);
    expect(lineOf(esText, 'Sucumbíos')).toBe('Sucumbíos 22');
    expect(lineOf(esText, 'Santo Domingo de los Tsáchilas')).toBe('Santo Domingo de los Tsáchilas 13');
    expect(lineOf(esText, 'Manabí')).toBe('Manabí 15');
    expect(lineOf(esText, 'Explotación sexual')).toBe('Explotación sexual 187 70');
    expect(lineOf(esText, 'Mendicidad')).toBe('Mendicidad 14 11');
    // Decimal comma, the same decimals down a column; a statistic over fewer than k referrals stays "x".
    expect(lineOf(esText, 'Atención médica')).toBe('Atención médica 4,5 16 0,5 87');
    expect(lineOf(esText, 'Asesoría jurídica')).toBe('Asesoría jurídica 30,0 96 5,0 64');
    expect(lineOf(esText, 'Reinserción educativa')).toBe('Reinserción educativa x x x <5');
    expect(lineOf(esText, 'sep 2025 81')).toBe('sep 2025 81,0 70 10 <5');
  });

  it('prints suppression markers as published, not-applicable cells as a dash, and the total rows', () => {
    expect(lineOf(esText, 'Galápagos')).toBe('Galápagos <5');
    expect(lineOf(esText, 'mar 2025')).toBe('mar 2025 <5');
    // The only small month would follow from the total: the fixture hid the next smallest as "x".
    expect(lineOf(esText, 'feb 2025')).toBe('feb 2025 x');
    expect(lineOf(esText, 'Se pidió más información')).toBe('Se pidió más información 22 –');
    const totals = squeeze(esText).split('\n').map((l) => l.trim()).filter((l) => l.startsWith('Total '));
    // by-month, by-sex, by-exploitation-form, referral-times (only referrals add up), shelter-occupancy, reviews.
    expect(totals).toEqual(expect.arrayContaining(['Total 285', 'Total 285 106', 'Total 300 110', 'Total 394', 'Total 147 50', 'Total 164', 'Total 291']));
  });

  it('sets total rows in bold and right-aligns the numbers of a column', () => {
    const placed = placedTexts(es, 'es-xml');
    const totals = placed.filter((t) => t.text === 'Total');
    expect(totals.length).toBeGreaterThanOrEqual(7);
    for (const total of totals) {
      const row = placed.filter((t) => t.page === total.page && t.top === total.top);
      expect(row.length).toBeGreaterThan(1);
      for (const cell of row) expect(cell).toMatchObject({ bold: true });
    }
    // The provinces' column of counts (numbers and "<5"): one right edge, however wide the text.
    const labelColumn = placed.find((t) => t.text === 'Provincia')!;
    const provinces = summaryEs.reports.find((r) => r.name === 'by-province')!.labels;
    const rights = provinces.map((label) => {
      const cell = placed.find((t) => t.text === label && t.page === labelColumn.page && t.left === labelColumn.left)!;
      const value = placed.find((t) => t.page === cell.page && t.top === cell.top && t !== cell)!;
      return value.right;
    });
    expect(Math.max(...rights) - Math.min(...rights)).toBeLessThanOrEqual(1);
  });

  it('draws the charts: their axis names, and bars or markers labelled as in the table', () => {
    // svg-to-pdfkit understood every part of ECharts' SVG.
    expect(chartWarnings).toEqual([]);
    const text = squeeze(esText);
    // The value axis is named by the first series' unit; no table prints these words.
    expect(text).toContain('Número de casos');
    expect(text).toContain('Porcentaje (%)');
    expect(text).toMatch(/\n\s*Horas\n/);
    // A bar chart's row is its label and its value (or marker) on one line, as a table row is: each
    // appears twice, once in the table and once in the chart.
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines.filter((l) => l === 'Galápagos <5')).toHaveLength(2);
    expect(lines.filter((l) => l === 'Sucumbíos 22')).toHaveLength(2);
    // The forms table prints "x" and the minors' 0; its chart, the first series only.
    expect(lines).toContain('Otras formas x 0');
    expect(lines).toContain('Otras formas x');
    // The line chart writes the value of each month above its point.
    expect(text).toMatch(/\n 40\n\s*35\n/);
  });

  it('numbers the pages in the footer with the product and the period', () => {
    const pages = esText.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(squeeze(page)).toContain(`Página ${i + 1} de ${pages.length}`);
      expect(squeeze(page)).toContain('Ruta · Resumen estadístico de casos de trata de personas · enero de 2025 – diciembre de 2025');
    });
  });

  it('continues a long table on the next page with its title and header again, and prints each row once', () => {
    const pages = esText.split('\f').map(squeeze);
    const continued = pages.find((p) => p.includes('Casos por ruta de traslado (origen – destino) (continuación)\n Ruta Casos'));
    expect(continued).toBeDefined();
    // The table's pages are the ones with its header row; the chart's page repeats the labels, not the header.
    const tablePages = pages.filter((p) => /\n Ruta Casos\n/.test(p));
    expect(tablePages).toHaveLength(2);
    const routeLabels = summaryEs.reports.find((r) => r.name === 'by-route')!.labels;
    for (const label of routeLabels) {
      const rows = tablePages.flatMap((p) => p.split('\n')).filter((l) => new RegExp(`^ ?${escape(label)} (\\d+|<5|x)$`).test(l));
      expect(rows).toHaveLength(1);
    }
  });

  it('keeps everything inside the margins: only the footer stands below the content', () => {
    const placed = placedTexts(es, 'es-margins');
    expect(placed.length).toBeGreaterThan(500);
    expect(outsideMargins(placed)).toEqual([]);
  });

  it('renders a first page that is not blank', () => {
    const { width, height, pixels } = firstPageGray(es, 'es-page');
    // A4 (595 x 842 pt) at 60 dpi.
    expect(Math.abs(width - 496)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - 702)).toBeLessThanOrEqual(1);
    const ink = pixels.filter((v) => v < 128).length;
    expect(ink / pixels.length).toBeGreaterThan(0.01);
  });

  it('gives the same bytes for the same summary', async () => {
    expect((await renderSummaryPdf(summaryEs)).equals(es)).toBe(true);
  });

  it('writes the fixed texts in English for an English summary', async () => {
    const en = await renderSummaryPdf(summaryEn);
    const text = squeeze(pdfText(en, 'en'));
    expect(text).toContain('Page 1 of');
    expect(text).toContain('Period: January 2025 – December 2025');
    expect(text).toContain('Generated: 15 January 2026, 09:32 (Ecuador time, UTC-5)');
    expect(text).toContain('Small-cell protection (k = 5)');
    expect(text).toContain('Number of cases');
    expect(lineOf(text, 'Sexual exploitation')).toBe('Sexual exploitation 187 70');
    expect(lineOf(text, 'Medical care')).toBe('Medical care 4.5 16 0.5 87');
    expect(text).not.toMatch(/Página|Generado|Período/);
  });

  it('fits crowded, very long, empty and series-less reports in the page without breaking a number', async () => {
    const provinces = summaryEs.reports.find((r) => r.name === 'by-province')!;
    const crowded: ReportTable = {
      ...provinces, name: 'by-agency', title: 'Diez series',
      series: Array.from({ length: 10 }, (_, i) => ({
        key: `s${i}`, name: `Serie número ${i} con un nombre largo`, unit: 'count' as const,
        data: provinces.labels.map((_, j) => (j % 7 === 0 ? '<5' : 1000 * j + i)), total: 123456,
      })),
    };
    const long: ReportTable = {
      ...provinces, name: 'by-route', title: 'Trescientas filas', chart: null,
      keys: Array.from({ length: 300 }, (_, i) => `k${i}`),
      labels: Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? `Ruta ${i}, con un nombre tan largo que no cabe en una línea de la primera columna de la tabla` : `Ruta ${i}`)),
      series: [{ key: 'c', name: 'Casos', unit: 'cases', data: Array.from({ length: 300 }, (_, i) => i + 5), total: 46350 }],
    };
    const empty: ReportTable = { ...provinces, name: 'visas', title: 'Sin filas', keys: [], labels: [], series: [{ key: 'c', name: 'Casos', unit: 'cases', data: [], total: 0 }] };
    const seriesless: ReportTable = { ...provinces, name: 'minors', title: 'Sin series', series: [] };
    const warnings: string[] = [];
    const pdf = await renderSummaryPdf(
      { ...summaryEs, refreshedAt: null, reports: [crowded, long, empty, seriesless] },
      { onChartWarning: (message) => warnings.push(message) },
    );
    expect(warnings).toEqual([]);
    const placed = placedTexts(pdf, 'edge');
    expect(outsideMargins(placed)).toEqual([]);
    // Ten bold totals, each whole on one line; the labels keep their column (a long one is not squeezed).
    expect(placed.filter((t) => t.text === '123.456' && t.bold)).toHaveLength(10);
    expect(placed.filter((t) => t.page === 1 && t.text === 'Santo Domingo de los Tsáchilas')).toHaveLength(1);
    const text = squeeze(pdfText(pdf, 'edge'));
    expect(text).toContain('Datos actualizados: sin actualización registrada');
    for (let i = 1; i < 300; i++) if (i % 50 !== 0) expect(text).toContain(`\n Ruta ${i} ${i + 5}\n`);
    expect(text).toMatch(/Sin filas\n Provincia Casos\n Total 0\n/);
    // No chart for a report without rows (the only chart here would be named after cases).
    expect(text).toContain('Cantidad');
    expect(text).not.toContain('Número de casos');
    expect(text).toMatch(/Sin series\n Provincia\n Azuay\n/);
  });

  const writeSample = process.env.RUTA_WRITE_SAMPLE_PDF === '1' ? it : it.skip;
  writeSample('writes docs/reports/summary-sample.pdf and its first pages as PNG', async () => {
    const dir = resolve(__dirname, '../../../../../docs/reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'summary-sample.pdf'), es);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '2', join(dir, 'summary-sample.pdf'), join(dir, 'summary-page')]);
    const en = await renderSummaryPdf(summaryEn);
    writeFileSync(join(work, 'summary-sample-en.pdf'), en);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', join(work, 'summary-sample-en.pdf'), join(dir, 'summary-en-page-1')]);
    expect(readFileSync(join(dir, 'summary-page-1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
