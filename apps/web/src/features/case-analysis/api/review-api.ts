import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import { invalidate } from '../../../lib/api/shared-queries';
import type { DecisionRequest } from './types';

/**
 * Server state of the review screen (PRODUCT.md sections 6 and 13). The case, its history and reviews,
 * the agencies, shelters and services are the reads the other screens share (lib/api/shared-queries).
 */
export { useAgencies, useCase, useCaseReviews, useCaseShelters, useCaseTimeline, useServiceCatalog, useShelters } from '../../../lib/api/shared-queries';

export function useCommitteeMembers() {
  return useQuery({
    queryKey: queryKeys.committeeMembers(),
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/committee-members', { params: { query: { limit: 200 } } })),
  });
}

export function useOpenReview(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cases/{id}/reviews', { params: { path: { id: caseId } } })),
    onSettled: () => invalidate.case(client, caseId),
  });
}

/** The decision, sent with the form's idempotency key: a double click or a retry decides once. */
export function useDecide(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ reviewId, body, key }: { reviewId: string; body: DecisionRequest; key: string }) =>
      unwrap(api.POST('/api/v1/reviews/{id}/decision', {
        params: { path: { id: reviewId } },
        headers: { 'Idempotency-Key': key },
        body,
      })),
    // A recognition creates the plan's referrals (and reserves shelter places): those read again too.
    onSuccess: () => invalidate.referrals(client, caseId),
  });
}
