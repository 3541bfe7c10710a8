import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export interface ScreeningResult {
  outcome: 'presumed_victim' | 'possible_victim' | 'no_indicators';
  catalogVersion: string;
  childRule: boolean;
  childProtectionImmediate: boolean;
  dimensions: {
    dimension: string;
    positive: boolean;
    counted: { indicator: string; strength: string }[];
    reason: string | { es: string; en: string };
  }[];
}

export interface DryRunInput {
  catalogVersion: string;
  isMinor: boolean;
  answers: { indicator: string; answer: 'yes' | 'no' | 'unknown' }[];
}

/**
 * The screening engine's dry run (`POST /screenings/evaluate`) for the answers given so far: keyed by
 * the answers (already debounced by the caller) and the language of the explanation; the previous
 * result stays on screen while the next one loads.
 */
export function useScreeningDryRun(input: DryRunInput | null, lang: string) {
  const answered = input?.answers.filter((a) => a.answer !== 'unknown') ?? [];
  return useQuery({
    queryKey: ['screening-dry-run', input?.catalogVersion, input?.isMinor, answered.map((a) => `${a.indicator}=${a.answer}`).join(','), lang],
    // The contract's outcome enum reads `not_a_victim` where the engine answers `no_indicators`
    // (SCREENING_OUTCOMES): typed here as the engine answers until the contract is corrected.
    queryFn: async () =>
      (await unwrap(api.POST('/api/v1/screenings/evaluate', { body: { ...input!, answers: answered }, headers: { 'Accept-Language': lang } }))) as unknown as ScreeningResult,
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
