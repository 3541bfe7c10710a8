import type { ApiData, Schema } from '../../../lib/api/types';

/** The reports as the contract gives them (GET /reports/summary): labels in the request's language, small cells suppressed. */
export type ReportSummary = ApiData<'/api/v1/reports/summary', 'get'>;
export type ReportTable = Schema<'ReportTableResponse'>;
export type ReportSeries = Schema<'ReportSeriesResponse'>;
export type ReportName = ReportTable['name'];

/** A published cell: an exact number, `"<k"` (1 to k-1), `"x"` (withheld), or null (not applicable). */
export type Cell = ReportSeries['data'][number];
