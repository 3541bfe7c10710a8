import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import type { ApiBody, Schema } from '../../../lib/api/types';

/** A match the officer may see carries the case; one they may not see only `{match, visible: false}`. */
export type DuplicateMatch = Schema<'DuplicateMatchResponse'>;

type CheckedVictim = ApiBody<'/api/v1/cases/duplicates-check', 'post'>['victim'];

/**
 * Cases that may be this victim's (`POST /cases/duplicates-check`, PRODUCT.md section 4): by document
 * or by names and date of birth. It creates nothing; the officer may still send the intake.
 */
export function useDuplicatesCheck(victim: CheckedVictim, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.intake.duplicates(victim),
    queryFn: async () => (await unwrap(api.POST('/api/v1/cases/duplicates-check', { body: { victim } }))).matches,
    enabled,
    staleTime: 30_000,
  });
}
