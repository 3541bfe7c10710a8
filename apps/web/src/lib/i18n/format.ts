import { currentLanguage } from './language';

/** Dates as Ecuador writes them (day/month/year, 24-hour clock) in Ecuador's time zone. */
const ZONE = 'America/Guayaquil';
const locale = () => (currentLanguage() === 'es' ? 'es-EC' : 'en-GB');

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  // A plain calendar date (YYYY-MM-DD) is a day, not an instant: no time-zone shift.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(value));
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(value));
}

/** Today's date in Ecuador as YYYY-MM-DD (the default of a date field). */
export function todayInEcuador(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
