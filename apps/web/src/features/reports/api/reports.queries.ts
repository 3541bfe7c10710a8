import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { filenameFromDisposition, saveBlob } from '../../../lib/api/download';
import { unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import type { Period } from '../lib/period';
import type { ReportName } from './report.types';

type FileAnswer = { data?: Blob; error?: unknown; response: Response };

/** Every report of a period (GET /reports/summary), in the user's language (the client sends it). */
export function useReportSummary(period: Period, lang: string) {
  return useQuery({
    queryKey: queryKeys.reports.summary(period.from, period.to, lang),
    queryFn: () => unwrap(api.GET('/api/v1/reports/summary', { params: { query: period } })),
    // The summaries change when the worker refreshes them (minutes), not while the page is read.
    staleTime: 60_000,
  });
}

/** Saves an answer as a file under the name the API gave it; a refusal throws its problem details. */
async function saveAnswer(call: Promise<FileAnswer>, fallback: string): Promise<void> {
  const answer = await call;
  const blob = await unwrap(Promise.resolve(answer));
  saveBlob(blob, filenameFromDisposition(answer.response.headers.get('Content-Disposition'), fallback));
}

/** One report as CSV (GET /reports/:name.csv) for the same period and language. */
export function useCsvDownload() {
  return useMutation({
    mutationFn: ({ name, period }: { name: ReportName; period: Period }) =>
      saveAnswer(api.GET('/api/v1/reports/{name}.csv', { params: { path: { name }, query: period }, parseAs: 'blob' }),
        `ruta-${name}-${period.from}-${period.to}.csv`),
  });
}

/** The whole summary as a printable PDF for the same period and language. */
export function usePdfDownload() {
  return useMutation({
    mutationFn: (period: Period) =>
      saveAnswer(api.GET('/api/v1/reports/summary.pdf', { params: { query: period }, parseAs: 'blob' }),
        `ruta-summary-${period.from}-${period.to}.pdf`),
  });
}
