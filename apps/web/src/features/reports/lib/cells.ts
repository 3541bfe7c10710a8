import type { Cell, ReportSeries } from '../api/report.types';

/** What a published cell is: a figure, a small count not shown (`"<k"`), a withheld figure (`"x"`), or nothing. */
export type CellKind = 'number' | 'small' | 'withheld' | 'none';

export function cellKind(cell: Cell | undefined): CellKind {
  if (cell === null || cell === undefined) return 'none';
  if (typeof cell === 'number') return 'number';
  return cell.startsWith('<') ? 'small' : 'withheld';
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, unit: ReportSeries['unit']): Intl.NumberFormat {
  const key = `${lang}:${unit}`;
  if (!formats.has(key)) {
    const locale = lang === 'es' ? 'es-EC' : 'en-GB';
    formats.set(key, unit === 'percent'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
  }
  return formats.get(key)!;
}

/** A figure in the user's language: grouping and decimal marks, percentages as "12,5%" (es-EC) / "12.5%". */
export function formatFigure(value: number, unit: ReportSeries['unit'], lang: string): string {
  return numberFormat(lang, unit).format(unit === 'percent' ? value / 100 : value);
}

/** The text of a cell: a formatted figure, the marker as published ("<5", "x"), or "—". */
export function cellText(cell: Cell | undefined, unit: ReportSeries['unit'], lang: string): string {
  if (cell === null || cell === undefined) return '—';
  return typeof cell === 'number' ? formatFigure(cell, unit, lang) : cell;
}
