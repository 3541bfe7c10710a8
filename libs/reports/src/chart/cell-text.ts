import type { Cell } from '../report.types';

export type ReportLanguage = 'es' | 'en';

/** What a not-applicable cell (null) shows, in the table and on the chart. */
export const NOT_APPLICABLE = '–';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: ReportLanguage, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'es' ? 'es-EC' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * How many decimals a column shows: as many as its most precise number needs, at most two, so that every
 * number of the column has the same (and the decimal separators line up when right-aligned).
 */
export function columnDigits(cells: (Cell | undefined)[]): number {
  let digits = 0;
  for (const cell of cells) {
    if (typeof cell !== 'number' || !Number.isFinite(cell)) continue;
    for (let d = digits; d < 2 && Math.abs(Math.round(cell * 10 ** d) - cell * 10 ** d) > 1e-9; d++) digits = d + 1;
  }
  return digits;
}

/**
 * A published cell as a person reads it: numbers in the language's format with the column's decimals,
 * suppression markers ("<5", "x") exactly as published (they are the suppression, never re-derived here),
 * null as a dash. Without `digits`, a number shows the decimals it has (up to two).
 */
export function cellText(cell: Cell | undefined, language: ReportLanguage, digits?: number): string {
  if (cell === null || cell === undefined) return NOT_APPLICABLE;
  if (typeof cell === 'number') return winAnsiText(numberFormat(language, digits ?? columnDigits([cell])).format(cell));
  return winAnsiText(cell);
}

/** The cell's number when it is one; suppressed and not-applicable cells have none (no bar, no point). */
export function cellNumber(cell: Cell | undefined): number | null {
  return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
}

/** The characters that Windows-1252 (WinAnsi) puts in 0x80-0x9F, on top of Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u2212': '-', '\u2010': '-', '\u2011': '-', '→': '->', '←': '<-',
  '≤': '<=', '≥': '>=',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(ch);
}

/**
 * PDF standard fonts (Helvetica) encode text as WinAnsi, which holds Spanish entirely (á é í ó ú ü ñ ¿ ¡)
 * but not every character Intl and ICU put in dates and numbers (no-break and narrow spaces, the minus sign)
 * nor arrows a label might use. Those are swapped for their ASCII look-alikes, other letters for their
 * unaccented base, anything else for "?", rather than printing garbage.
 */
export function winAnsiText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (isWinAnsi(ch)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}
