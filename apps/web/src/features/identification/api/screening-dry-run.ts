import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import type { ApiBody, ApiData } from '../../../lib/api/types';

export type ScreeningResult = ApiData<'/api/v1/screenings/evaluate', 'post'>;

export type DryRunInput = ApiBody<'/api/v1/screenings/evaluate', 'post'>;

/**
 * The screening engine's dry run (`POST /screenings/evaluate`) for the answers given so far: keyed by
 * the answers (already debounced by the caller) and the language of the explanation; the previous
 * result stays on screen while the next one loads.
 */
export function useScreeningDryRun(input: DryRunInput | null, lang: string) {
  const answered = input?.answers.filter((a) => a.answer !== 'unknown') ?? [];
  return useQuery({
    queryKey: queryKeys.intake.screening(input?.catalogVersion, input?.isMinor, answered.map((a) => `${a.indicator}=${a.answer}`).join(','), lang),
    queryFn: () =>
      unwrap(api.POST('/api/v1/screenings/evaluate', { body: { ...input!, answers: answered }, headers: { 'Accept-Language': lang } })),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
