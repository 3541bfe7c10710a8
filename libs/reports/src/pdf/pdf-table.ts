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

interface Layout {
  columns: Column[];
  /** The table's type size: SIZE.table unless its columns do not fit. */
  size: number;
}

interface Row {
  cells: string[];
  height: number;
  total: boolean;
}

/** A report's table, measured before it is drawn so that the caller can decide where it starts. */
export interface TablePlan {
  columns: Column[];
  size: number;
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
  const { columns, size } = layoutColumns(doc, headers, body, totals, x, maxWidth);

  doc.font(FONT.bold).fontSize(size);
  const headerHeight = Math.max(...headers.map((text, c) => doc.heightOfString(text, { width: columns[c]!.width - 2 * PAD_X }))) + 2 * PAD_Y;
  const rowOf = (cells: string[], total: boolean): Row => {
    doc.font(total ? FONT.bold : FONT.regular).fontSize(size);
    return { cells, total, height: doc.heightOfString(cells[0] ?? '', { width: columns[0]!.width - 2 * PAD_X }) + 2 * PAD_Y };
  };
  const rows = body.map((cells) => rowOf(cells, false));
  if (totals) rows.push(rowOf(totals, true));
  const width = columns.reduce((sum, col) => sum + col.width, 0);
  return { columns, size, width, headers, headerHeight, rows, height: headerHeight + rows.reduce((sum, r) => sum + r.height, 0) };
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
    doc.fillColor(COLOR.text).font(FONT.bold).fontSize(plan.size);
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
    doc.fillColor(COLOR.text).font(row.total ? FONT.bold : FONT.regular).fontSize(plan.size);
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

/** The smallest type a crowded table may use before its headers break inside words. */
const MIN_TABLE_SIZE = 6.5;

/**
 * Number columns are as wide as their numbers and their header wrapped on about two lines; the label
 * column takes what its longest label needs. The table is narrower than the page when it can be (numbers
 * stay near their labels). When the series do not fit, their headers wrap on more lines; when even their
 * numbers and longest header words do not fit, the table's type gets smaller (a number never wraps).
 */
function layoutColumns(doc: Doc, headers: string[], body: string[][], totals: string[] | null, x: number, maxWidth: number): Layout {
  let size = SIZE.table;
  for (;;) {
    const layout = layoutAt(doc, size, headers, body, totals, x, maxWidth);
    if (layout || size <= MIN_TABLE_SIZE) return layout ?? layoutAt(doc, size, headers, body, totals, x, maxWidth, true)!;
    size = Math.max(MIN_TABLE_SIZE, size - 0.5);
  }
}

function layoutAt(
  doc: Doc, size: number, headers: string[], body: string[][], totals: string[] | null, x: number, maxWidth: number, force = false,
): Layout | null {
  const widest = (texts: string[], font: string): number => {
    doc.font(font).fontSize(size);
    return Math.max(0, ...texts.map((t) => doc.widthOfString(t)));
  };
  // pdfkit's wrapper measures a word with its trailing space.
  const slack = widest([' '], FONT.bold) + 1;
  /** The narrowest width that holds the text on at most two lines (breaking between words). */
  const twoLineWidth = (text: string): number => {
    const words = text.split(/\s+/).filter(Boolean);
    let best = widest([words.join(' ')], FONT.bold);
    for (let k = 1; k < words.length; k++) {
      best = Math.min(best, Math.max(widest([words.slice(0, k).join(' ')], FONT.bold), widest([words.slice(k).join(' ')], FONT.bold)));
    }
    return best + slack;
  };
  const series = headers.slice(1).map((header, s) => {
    const numbers = Math.max(widest(body.map((r) => r[s + 1] ?? ''), FONT.regular), widest([totals?.[s + 1] ?? ''], FONT.bold));
    const least = Math.max(numbers, widest(header.split(/\s+/), FONT.bold) + slack) + 2 * PAD_X;
    const wished = Math.min(NUMBER_MAX, Math.max(NUMBER_MIN, numbers, twoLineWidth(header)) + 2 * PAD_X);
    return { least, wished: Math.max(least, wished) };
  });
  const room = maxWidth - LABEL_MIN;
  const least = series.reduce((sum, c) => sum + c.least, 0);
  const wished = series.reduce((sum, c) => sum + c.wished, 0);
  if (least > room && !force) return null;
  // Between what each column needs and what it would like, in the same proportion for all.
  const share = wished <= room ? 1 : Math.max(0, (room - least) / (wished - least));
  const numberWidths = series.map((c) => c.least + (c.wished - c.least) * share);
  const numbersWidth = numberWidths.reduce((a, b) => a + b, 0);
  const labelNeeded = Math.max(widest(body.map((r) => r[0] ?? ''), FONT.regular), widest([headers[0] ?? ''], FONT.bold),
    widest([totals?.[0] ?? ''], FONT.bold)) + 2 * PAD_X + 1;
  const labelWidth = Math.max(0, Math.min(maxWidth - numbersWidth, Math.max(LABEL_MIN, labelNeeded)));
  const columns: Column[] = [{ x, width: labelWidth }];
  let left = x + labelWidth;
  for (const w of numberWidths) {
    columns.push({ x: left, width: w });
    left += w;
  }
  return { columns, size };
}
