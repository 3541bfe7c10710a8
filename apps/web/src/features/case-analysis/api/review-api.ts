import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { DecisionRequest } from './types';

/** Server state of the review screen (PRODUCT.md sections 6 and 13): one hook per request. */

export const reviewKeys = {
  case: (id: string) => ['case', id] as const,
  timeline: (id: string) => ['case', id, 'timeline'] as const,
  reviews: (id: string) => ['case', id, 'reviews'] as const,
  shelters: (id: string) => ['case', id, 'shelters'] as const,
};

export function useCaseRecord(id: string) {
  return useQuery({
    queryKey: reviewKeys.case(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: reviewKeys.timeline(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id }, query: { limit: 50 } } })),
  });
}

export function useReviews(id: string) {
  return useQuery({
    queryKey: reviewKeys.reviews(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/reviews', { params: { path: { id }, query: { limit: 200 } } })),
  });
}

export function useCommitteeMembers() {
  return useQuery({
    queryKey: ['committee-members'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/committee-members', { params: { query: { limit: 200 } } })),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/agencies', { params: { query: { limit: 200 } } })),
  });
}

/** The shelters with occupancy and the case's eligibility for each: the API decides it, the screen shows it. */
export function useCaseShelters(caseId: string) {
  return useQuery({
    queryKey: reviewKeys.shelters(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/shelters', { params: { path: { id: caseId }, query: { limit: 200 } } })),
  });
}

export function useServiceTypes() {
  return useQuery({
    queryKey: ['catalog', 'services'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/catalog/services', { params: { query: { limit: 200 } } })),
  });
}

export function useOpenReview(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cases/{id}/reviews', { params: { path: { id: caseId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: reviewKeys.case(caseId) }),
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
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: reviewKeys.case(caseId) });
      void client.invalidateQueries({ queryKey: ['shelters'] });
    },
  });
}
