/**
 * A reports period: whole months by identification date (PRODUCT.md section 11), written YYYY-MM as the
 * API takes them (`?from=2025-12&to=2026-11`, both ends included).
 */
export interface Period {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ZONE = 'America/Guayaquil';

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month `offset` months after `month` (negative: before). */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The current month in Ecuador (the reports count by Ecuador's calendar). */
export function currentMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

/**
 * The last 12 whole months: the current month is not over, so the period ends with the month before it
 * (on 2 December 2026: 2025-12 to 2026-11).
 */
export function defaultPeriod(now: Date = new Date()): Period {
  const to = addMonths(currentMonth(now), -1);
  return { from: addMonths(to, -11), to };
}

/** The number of months from..to, both included (0 when `to` is before `from` or either is not a month). */
export function monthCount({ from, to }: Period): number {
  if (!isMonth(from) || !isMonth(to)) return 0;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) + 1);
}

/** The period the URL gives; a missing end takes the default (a malformed one is left for the API to refuse). */
export function periodOf(params: URLSearchParams, now: Date = new Date()): Period {
  const fallback = defaultPeriod(now);
  return { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
}

/** "junio de 2026" / "June 2026" (`style: 'short'`: "jun 26" / "Jun 26"); a value that is not a month is shown as it is. */
export function monthName(month: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const options: Intl.DateTimeFormatOptions = style === 'long'
    ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'short', year: '2-digit', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-EC' : 'en-GB', options).format(date);
}

/**
 * The months to choose from, newest first: the current month back to January nine years before, plus any
 * month the URL names outside that range (so that a shared link still shows its period).
 */
export function monthOptions(lang: string, extra: string[] = [], now: Date = new Date()): { value: string; label: string }[] {
  const last = currentMonth(now);
  const first = `${Number(last.slice(0, 4)) - 9}-01`;
  const months: string[] = [];
  for (let m = last; m >= first; m = addMonths(m, -1)) months.push(m);
  for (const m of extra) if (isMonth(m) && !months.includes(m)) months.push(m);
  months.sort((a, b) => b.localeCompare(a));
  return months.map((m) => ({ value: m, label: monthName(m, lang) }));
}
