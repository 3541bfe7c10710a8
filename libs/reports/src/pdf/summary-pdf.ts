import type { ReportSummary, ReportTable } from '../report.types';
import { cellText, NOT_APPLICABLE, winAnsiText } from '../chart/cell-text';
import { renderChartSvg } from '../chart/report-chart.svg';
import { COLOR, FONT, PAGE, SIZE } from './pdf-layout';
import { drawReportTable, planReportTable, tableStartHeight } from './pdf-table';
import { formatInstant, formatPeriod, PDF_TEXTS, type PdfTexts } from './pdf-texts';

type Doc = PDFKit.PDFDocument;

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const CONTENT_WIDTH = PAGE_WIDTH - PAGE.margins.left - PAGE.margins.right;
const CONTENT_BOTTOM = PAGE_HEIGHT - PAGE.margins.bottom;
const CONTENT_HEIGHT = CONTENT_BOTTOM - PAGE.margins.top;

export interface SummaryPdfOptions {
  /** What svg-to-pdfkit could not draw of a chart (an SVG feature it does not support); ignored by default. */
  onChartWarning?: (message: string) => void;
}

/**
 * The printable summary a State attaches to its periodic reports to international committees (PRODUCT
 * section 11): a title block (period, when it was generated and refreshed, the suppression threshold and
 * its legend), then each report as a table, its note and its chart. It prints the published cells as they
 * are: suppression happened before, and this never re-derives a suppressed number. The same summary
 * gives the same bytes (dates come from the summary, never from the clock).
 */
export async function renderSummaryPdf(summary: ReportSummary, options: SummaryPdfOptions = {}): Promise<Buffer> {
  const texts = PDF_TEXTS[summary.language];
  const generatedAt = new Date(summary.generatedAt);
  // pdfkit and svg-to-pdfkit are loaded with the first PDF made, not with every start of the API.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFDocument = require('pdfkit') as typeof import('pdfkit');
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    lang: summary.language === 'es' ? 'es-EC' : 'en',
    displayTitle: true,
    info: {
      Title: winAnsiText(summary.title),
      Author: 'Ruta',
      Subject: formatPeriod(summary.from, summary.to, summary.language),
      Creator: 'Ruta',
      Producer: 'Ruta (PDFKit)',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  let y = drawTitleBlock(doc, summary, texts);
  const onChartWarning = options.onChartWarning ?? ((): void => undefined);
  for (const table of summary.reports) y = drawReport(doc, summary, texts, table, y, onChartWarning);
  drawFooters(doc, summary, texts);

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function newPage(doc: Doc): number {
  doc.addPage();
  return PAGE.margins.top;
}

function drawTitleBlock(doc: Doc, summary: ReportSummary, texts: PdfTexts): number {
  const x = PAGE.margins.left;
  const lang = summary.language;
  doc.fillColor(COLOR.text).font(FONT.bold).fontSize(SIZE.title);
  doc.text(winAnsiText(summary.title), x, PAGE.margins.top, { width: CONTENT_WIDTH });
  let y = doc.y + 4;
  doc.moveTo(x, y).lineTo(x + CONTENT_WIDTH, y).lineWidth(1.2).strokeColor(COLOR.rule).stroke();
  y += 8;

  const facts: [string, string][] = [
    [texts.period, formatPeriod(summary.from, summary.to, lang)],
    [texts.totalCases, cellText(summary.totalCases, lang)],
    [texts.generated, formatInstant(summary.generatedAt, lang)],
    [texts.refreshed, summary.refreshedAt ? formatInstant(summary.refreshedAt, lang) : texts.notRefreshed],
  ];
  doc.fontSize(SIZE.body);
  doc.font(FONT.bold);
  const keyWidth = Math.max(...facts.map(([k]) => doc.widthOfString(`${k}:`))) + 8;
  for (const [key, value] of facts) {
    doc.font(FONT.bold).fillColor(COLOR.text).text(`${key}:`, x, y, { width: keyWidth, lineBreak: false });
    doc.font(FONT.regular).text(value, x + keyWidth, y, { width: CONTENT_WIDTH - keyWidth });
    y = doc.y + 2;
  }

  y += 6;
  doc.font(FONT.bold).fontSize(SIZE.body).text(texts.suppression(summary.k), x, y, { width: CONTENT_WIDTH });
  y = doc.y + 2;
  const legend: [string, string][] = [
    [`<${summary.k}`, summary.legend.primary],
    ['x', summary.legend.complementary],
    [NOT_APPLICABLE, texts.notApplicable],
  ];
  const markerWidth = 28;
  for (const [marker, text] of legend) {
    doc.font(FONT.bold).fontSize(SIZE.body).text(marker, x + 6, y, { width: markerWidth, lineBreak: false });
    doc.font(FONT.regular).text(winAnsiText(text), x + 6 + markerWidth, y, { width: CONTENT_WIDTH - 6 - markerWidth });
    y = doc.y + 2;
  }
  y += 4;
  doc.moveTo(x, y).lineTo(x + CONTENT_WIDTH, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
  return y + 14;
}

function drawReportTitle(doc: Doc, table: ReportTable, y: number, suffix = ''): number {
  doc.fillColor(COLOR.text).font(FONT.bold).fontSize(SIZE.heading);
  doc.text(winAnsiText(suffix ? `${table.title} ${suffix}` : table.title), PAGE.margins.left, y, { width: CONTENT_WIDTH });
  return doc.y + 5;
}

/** Reports this short (title, table, note and chart) move whole to the next page rather than split. */
const KEEP_TOGETHER = 0.45 * CONTENT_HEIGHT;
const CHART_GAP = 10;

function drawReport(
  doc: Doc, summary: ReportSummary, texts: PdfTexts, table: ReportTable, startY: number, onChartWarning: (message: string) => void,
): number {
  const x = PAGE.margins.left;
  const continued = (): number => drawReportTitle(doc, table, newPage(doc), texts.continued);
  doc.font(FONT.bold).fontSize(SIZE.heading);
  const titleHeight = doc.heightOfString(winAnsiText(table.title), { width: CONTENT_WIDTH }) + 5;
  const note = table.note ? winAnsiText(table.note) : null;
  doc.font(FONT.italic).fontSize(SIZE.small);
  const noteHeight = note ? doc.heightOfString(note, { width: CONTENT_WIDTH }) + 4 : 0;
  const plan = planReportTable(doc, table, summary.language, texts.total, x, CONTENT_WIDTH);

  const svg = table.chart !== null && table.series.length > 0 && table.labels.length > 0
    ? renderChartSvg(table, {
      language: summary.language, width: CONTENT_WIDTH, valueAxisName: texts.unit[table.series[0]!.unit],
      height: 210, maxHeight: CONTENT_HEIGHT - 30, fontSize: table.labels.length > 30 ? 8 : 9,
    })
    : null;
  const chartHeight = svg ? Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 0) : 0;

  // A short report (title, table, note and chart) is kept on one page; a long one starts where its header
  // and first rows fit.
  let y = startY;
  const whole = titleHeight + plan.height + noteHeight + (svg ? CHART_GAP + chartHeight : 0);
  const needed = whole <= KEEP_TOGETHER ? whole : titleHeight + tableStartHeight(plan);
  if (y + needed > CONTENT_BOTTOM) y = newPage(doc);
  y = drawReportTitle(doc, table, y);
  y = drawReportTable(doc, plan, { bottom: CONTENT_BOTTOM, continueOnNewPage: continued }, y);

  if (note) {
    if (y + noteHeight > CONTENT_BOTTOM) y = continued();
    doc.font(FONT.italic).fontSize(SIZE.small).fillColor(COLOR.muted).text(note, x, y + 4, { width: CONTENT_WIDTH });
    y = doc.y;
  }

  if (svg) {
    y += CHART_GAP;
    // A chart is never split; on a page of its own it carries its report's title.
    if (y + chartHeight > CONTENT_BOTTOM) y = continued() + 4;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('svg-to-pdfkit') as typeof import('svg-to-pdfkit'))(doc, svg, x, y, { width: CONTENT_WIDTH, height: chartHeight, assumePt: true, warningCallback: onChartWarning });
    y += chartHeight;
  }
  return y + 20;
}

function drawFooters(doc: Doc, summary: ReportSummary, texts: PdfTexts): void {
  const range = doc.bufferedPageRange();
  const left = `Ruta · ${winAnsiText(summary.title)} · ${formatPeriod(summary.from, summary.to, summary.language)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer stands inside the bottom margin, where pdfkit would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const x = PAGE.margins.left;
    const y = PAGE.footerY;
    doc.moveTo(x, y - 6).lineTo(x + CONTENT_WIDTH, y - 6).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.fillColor(COLOR.muted).font(FONT.regular).fontSize(SIZE.small);
    const page = texts.page(i - range.start + 1, range.count);
    const pageWidth = doc.widthOfString(page);
    doc.text(left, x, y, { width: CONTENT_WIDTH - pageWidth - 12, lineBreak: false, ellipsis: true });
    doc.text(page, x + CONTENT_WIDTH - pageWidth, y, { width: pageWidth + 1, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
