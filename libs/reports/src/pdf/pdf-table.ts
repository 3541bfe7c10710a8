import type { ReportTable } from '../report.types';
import { cellText, columnDigits, winAnsiText, type ReportLanguage } from '../chart/cell-text';
import { COLOR, FONT, SIZE } from './pdf-layout';

type Doc = PDFKit.PDFDocument;

const PAD_X = 4;
const PAD_Y = 3;
const NUMBER_MIN = 56;
const NUMBER_MAX = 120;
const LABEL_MIN = 120;

interface Column {
  x: number;
  width: number;
}

interface Row {
  cells: string[];
  height: number;
  total: boolean;
}

/** A report's table, measured before it is drawn so that the caller can decide where it starts. */
export interface TablePlan {
  columns: Column[];
  width: number;
  headers: string[];
  headerHeight: number;
  rows: Row[];
  /** Header and every row, as if on one page. */
  height: number;
}

export interface TableFrame {
  /** The lowest y a row may reach on a page. */
  bottom: number;
  /** Starts a new page, draws the report's title again (continued) and returns the y below it. */
  continueOnNewPage: () => number;
}

/**
 * Measures a report as a table: the dimension's labels (wrapped when long), one right-aligned column per
 * series with the same decimals down the column, and a bold total row when any series adds up.
 */
export function planReportTable(doc: Doc, table: ReportTable, language: ReportLanguage, totalLabel: string, x: number, maxWidth: number): TablePlan {
  const headers = [table.dimension, ...table.series.map((s) => s.name)].map(winAnsiText);
  const digits = table.series.map((s) => columnDigits([...s.data, s.total]));
  const cellsOf = (i: number): string[] => [winAnsiText(table.labels[i] ?? ''), ...table.series.map((s, c) => cellText(s.data[i], language, digits[c]))];
  const body = table.labels.map((_, i) => cellsOf(i));
  const totals = table.series.some((s) => s.total !== undefined)
    ? [totalLabel, ...table.series.map((s, c) => (s.total === undefined ? '' : cellText(s.total, language, digits[c])))]
    : null;
  const columns = layoutColumns(doc, headers, body, totals, x, maxWidth);

  doc.font(FONT.bold).fontSize(SIZE.table);
  const headerHeight = Math.max(...headers.map((text, c) => doc.heightOfString(text, { width: columns[c]!.width - 2 * PAD_X }))) + 2 * PAD_Y;
  const rowOf = (cells: string[], total: boolean): Row => {
    doc.font(total ? FONT.bold : FONT.regular).fontSize(SIZE.table);
    return { cells, total, height: doc.heightOfString(cells[0] ?? '', { width: columns[0]!.width - 2 * PAD_X }) + 2 * PAD_Y };
  };
  const rows = body.map((cells) => rowOf(cells, false));
  if (totals) rows.push(rowOf(totals, true));
  const width = columns.reduce((sum, col) => sum + col.width, 0);
  return { columns, width, headers, headerHeight, rows, height: headerHeight + rows.reduce((sum, r) => sum + r.height, 0) };
}

/**
 * Draws a planned table from `startY`. Rows never cross `frame.bottom`: a row that does not fit starts a
 * new page, which repeats the report's title (continued) and the header row. Returns the y below the table.
 */
export function drawReportTable(doc: Doc, plan: TablePlan, frame: TableFrame, startY: number): number {
  const x = plan.columns[0]!.x;
  const rule = (y: number): void => {
    doc.moveTo(x, y).lineTo(x + plan.width, y).lineWidth(0.8).strokeColor(COLOR.rule).stroke();
  };
  const drawHeader = (y: number): number => {
    doc.rect(x, y, plan.width, plan.headerHeight).fill(COLOR.headerFill);
    doc.fillColor(COLOR.text).font(FONT.bold).fontSize(SIZE.table);
    plan.headers.forEach((text, c) => {
      const col = plan.columns[c]!;
      doc.text(text, col.x + PAD_X, y + PAD_Y, { width: col.width - 2 * PAD_X, align: c === 0 ? 'left' : 'right' });
    });
    rule(y + plan.headerHeight);
    return y + plan.headerHeight;
  };

  let y = drawHeader(startY);
  plan.rows.forEach((row, i) => {
    if (y + row.height > frame.bottom) y = drawHeader(frame.continueOnNewPage());
    if (row.total) doc.rect(x, y, plan.width, row.height).fill(COLOR.totalFill);
    else if (i % 2 === 1) doc.rect(x, y, plan.width, row.height).fill(COLOR.stripeFill);
    doc.fillColor(COLOR.text).font(row.total ? FONT.bold : FONT.regular).fontSize(SIZE.table);
    row.cells.forEach((text, c) => {
      const col = plan.columns[c]!;
      const width = col.width - 2 * PAD_X;
      doc.text(text, col.x + PAD_X, y + PAD_Y, c === 0 ? { width, align: 'left' } : { width, align: 'right', lineBreak: false });
    });
    if (row.total) rule(y);
    y += row.height;
  });
  rule(y);
  return y;
}

/** The height a table needs on the page where it starts: its header and its first rows (at most three). */
export function tableStartHeight(plan: TablePlan): number {
  return plan.headerHeight + plan.rows.slice(0, 3).reduce((sum, r) => sum + r.height, 0);
}

/**
 * Number columns are as wide as their numbers and their header wrapped on about two lines; the label
 * column takes what its longest label needs. The table is narrower than the page when it can be (numbers
 * stay near their labels), and when the series do not fit they share the width and their headers wrap more.
 */
function layoutColumns(doc: Doc, headers: string[], body: string[][], totals: string[] | null, x: number, maxWidth: number): Column[] {
  const widest = (texts: string[], font: string): number => {
    doc.font(font).fontSize(SIZE.table);
    return Math.max(0, ...texts.map((t) => doc.widthOfString(t)));
  };
  /** The narrowest width that holds the text on at most two lines (breaking between words). */
  const twoLineWidth = (text: string): number => {
    const words = text.split(/\s+/).filter(Boolean);
    let best = widest([words.join(' ')], FONT.bold);
    for (let k = 1; k < words.length; k++) {
      best = Math.min(best, Math.max(widest([words.slice(0, k).join(' ')], FONT.bold), widest([words.slice(k).join(' ')], FONT.bold)));
    }
    // pdfkit's wrapper measures a word with its trailing space.
    return best + widest([' '], FONT.bold) + 1;
  };
  const numberWidths = headers.slice(1).map((header, s) => {
    const numbers = Math.max(widest(body.map((r) => r[s + 1] ?? ''), FONT.regular), widest([totals?.[s + 1] ?? ''], FONT.bold));
    return Math.min(NUMBER_MAX, Math.max(NUMBER_MIN, numbers, twoLineWidth(header)) + 2 * PAD_X);
  });
  let numbersWidth = numberWidths.reduce((a, b) => a + b, 0);
  if (numbersWidth > maxWidth - LABEL_MIN) {
    const scale = (maxWidth - LABEL_MIN) / numbersWidth;
    numberWidths.forEach((w, i) => { numberWidths[i] = w * scale; });
    numbersWidth = maxWidth - LABEL_MIN;
  }
  const labelNeeded = Math.max(widest(body.map((r) => r[0] ?? ''), FONT.regular), widest([headers[0] ?? ''], FONT.bold),
    widest([totals?.[0] ?? ''], FONT.bold)) + 2 * PAD_X + 1;
  const labelWidth = Math.min(maxWidth - numbersWidth, Math.max(LABEL_MIN, labelNeeded));
  const columns: Column[] = [{ x, width: labelWidth }];
  let left = x + labelWidth;
  for (const w of numberWidths) {
    columns.push({ x: left, width: w });
    left += w;
  }
  return columns;
}
