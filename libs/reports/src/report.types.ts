/**
 * What a report is once it leaves the reports module (JSON, CSV, PDF, charts): every number already
 * passed through small-cell suppression, every label in the request's language.
 */

/** A cell as published: an exact number, `"<k"` (a count from 1 to k-1), `"x"` (suppressed to protect another cell, or a statistic over fewer than k records), or null (not applicable). */
export type Cell = number | string | null;

export const REPORT_NAMES = [
  'by-month', 'by-exploitation-form', 'by-sex', 'by-age-group', 'by-nationality', 'by-province', 'by-agency',
  'by-trafficking-status', 'reviews', 'referral-times', 'shelter-occupancy', 'visas', 'follow-up', 'overdue-tasks',
  'durations', 'by-route', 'minors', 'referrals-declined',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type SeriesUnit = 'cases' | 'count' | 'days' | 'hours' | 'percent';

/** One column of a report (one series of its chart): a value per label, and its total when the column adds up. */
export interface ReportSeries {
  key: string;
  name: string;
  unit: SeriesUnit;
  data: Cell[];
  total?: Cell;
}

/** One report: rows (`labels`, with stable `keys`) by columns (`series`). */
export interface ReportTable {
  name: ReportName;
  title: string;
  /** What the rows are (the first column's heading). */
  dimension: string;
  keys: string[];
  labels: string[];
  series: ReportSeries[];
  /** How the PDF and the web app draw it: bars of the first series, a line over months, or no chart. */
  chart: 'bar' | 'line' | null;
  note?: string;
}

export interface ReportSummary {
  title: string;
  from: string;
  to: string;
  /** The threshold below which a count is not shown. */
  k: number;
  language: 'es' | 'en';
  generatedAt: string;
  /** When the summaries these figures come from were last refreshed by the worker. */
  refreshedAt: string | null;
  legend: { primary: string; complementary: string };
  totalCases: Cell;
  reports: ReportTable[];
}
