/**
 * Normalizations for duplicate search (PRODUCT.md section 4): names in lower case without accents or
 * punctuation and with single spaces; document numbers as upper-case letters and digits only.
 */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeFullName(givenNames: string, familyNames: string): string {
  return normalizeName(`${givenNames} ${familyNames}`);
}

export function normalizeDocumentNumber(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whole years from a date of birth to a date (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Age at identification, from the date of birth or else the estimated age. */
export function ageAtIdentification(v: { dateOfBirth?: string | null; estimatedAge?: number | null }, identificationDate: string): number | null {
  if (v.dateOfBirth) return ageOn(v.dateOfBirth, identificationDate);
  return v.estimatedAge ?? null;
}

/** Minor means under 18 on the identification date (PRODUCT.md section 4). */
export function isMinorAt(age: number | null): boolean {
  return age !== null && age < 18;
}

export function ageGroup(age: number | null): '0-11' | '12-17' | '18-29' | '30-59' | '60+' | null {
  if (age === null) return null;
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 30) return '18-29';
  if (age < 60) return '30-59';
  return '60+';
}

/** "+N months" keeps the day of the month, clamped to the month's last day (PRODUCT.md section 4). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant a calendar day starts in Ecuador (UTC-5), optionally some days earlier. */
export function startOfDayInEcuador(date: string, minusDays = 0): Date {
  return new Date(Date.parse(`${date}T05:00:00.000Z`) - minusDays * 24 * 3600_000);
}

const ECUADOR_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guayaquil', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Ecuador (America/Guayaquil, UTC-5). One formatter: building one per call is costly. */
export function ecuadorDate(instant: Date): string {
  return ECUADOR_DATE.format(instant);
}
