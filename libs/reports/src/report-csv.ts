import { stringify } from 'csv-stringify/sync';
import { Locale } from '@ruta/core';
import { Cell, ReportTable } from './report.types';

const TOTAL = { es: 'Total', en: 'Total' };

/** One report as CSV: a heading row (the dimension, then each series), a row per label, the totals. UTF-8 with a BOM for spreadsheets. */
export function reportCsv(table: ReportTable, locale: Locale): string {
  const cell = (c: Cell | undefined) => (c === null || c === undefined ? '' : c);
  const rows: (string | number)[][] = [[table.dimension, ...table.series.map((s) => s.name)]];
  table.labels.forEach((label, i) => rows.push([label, ...table.series.map((s) => cell(s.data[i]))]));
  if (table.series.some((s) => s.total !== undefined)) rows.push([TOTAL[locale], ...table.series.map((s) => cell(s.total))]);
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
