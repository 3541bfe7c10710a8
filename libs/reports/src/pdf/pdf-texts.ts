import type { SeriesUnit } from '../report.types';
import { winAnsiText, type ReportLanguage } from '../chart/cell-text';

/** The fixed texts the PDF itself writes; everything else (titles, labels, legend) comes with the summary. */
export interface PdfTexts {
  period: string;
  generated: string;
  refreshed: string;
  notRefreshed: string;
  totalCases: string;
  suppression: (k: number) => string;
  notApplicable: string;
  total: string;
  continued: string;
  page: (n: number, m: number) => string;
  timeZone: string;
  unit: Record<SeriesUnit, string>;
}

export const PDF_TEXTS: Record<ReportLanguage, PdfTexts> = {
  es: {
    period: 'Período',
    generated: 'Generado',
    refreshed: 'Datos actualizados',
    notRefreshed: 'sin actualización registrada',
    totalCases: 'Total de casos en el período',
    suppression: (k) => `Protección de celdas pequeñas (k = ${k})`,
    notApplicable: 'no aplica',
    total: 'Total',
    continued: '(continuación)',
    page: (n, m) => `Página ${n} de ${m}`,
    timeZone: 'hora de Ecuador, UTC-5',
    unit: { cases: 'Número de casos', count: 'Cantidad', days: 'Días', hours: 'Horas', percent: 'Porcentaje (%)' },
  },
  en: {
    period: 'Period',
    generated: 'Generated',
    refreshed: 'Data refreshed',
    notRefreshed: 'no refresh recorded',
    totalCases: 'Total cases in the period',
    suppression: (k) => `Small-cell protection (k = ${k})`,
    notApplicable: 'not applicable',
    total: 'Total',
    continued: '(continued)',
    page: (n, m) => `Page ${n} of ${m}`,
    timeZone: 'Ecuador time, UTC-5',
    unit: { cases: 'Number of cases', count: 'Count', days: 'Days', hours: 'Hours', percent: 'Percentage (%)' },
  },
};

const locales: Record<ReportLanguage, string> = { es: 'es-EC', en: 'en-GB' };

/** "2025-01" -> "enero de 2025" / "January 2025". */
export function formatMonth(yearMonth: string, language: ReportLanguage): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) return winAnsiText(yearMonth);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return winAnsiText(new Intl.DateTimeFormat(locales[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date));
}

export function formatPeriod(from: string, to: string, language: ReportLanguage): string {
  return from === to ? formatMonth(from, language) : `${formatMonth(from, language)} – ${formatMonth(to, language)}`;
}

/** An instant as a person in Ecuador reads it (America/Guayaquil, no daylight saving time). */
export function formatInstant(iso: string, language: ReportLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return winAnsiText(iso);
  const tz = 'America/Guayaquil';
  const day = new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: tz }).format(date);
  const time = new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }).format(date);
  return winAnsiText(`${day}, ${time} (${PDF_TEXTS[language].timeZone})`);
}
