import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { CaseDetail, CaseListFilters, CaseReferral, CaseReview, Localized, Page, TimelineEntry } from './case.types';

export const caseKeys = {
  list: (filters: CaseListFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  part: (id: string, part: string) => ['cases', 'detail', id, part] as const,
};

export function useCaseList(filters: CaseListFilters) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    queryFn: async ({ pageParam }): Promise<Page<CaseDetail>> =>
      (await unwrap(api.GET('/api/v1/cases', {
        params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } as never },
      }))) as unknown as Page<CaseDetail>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: async (): Promise<CaseDetail> =>
      (await unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } }))) as unknown as CaseDetail,
  });
}

export function useCaseTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: caseKeys.part(id, 'timeline'),
    queryFn: async ({ pageParam }): Promise<Page<TimelineEntry>> =>
      (await unwrap(api.GET('/api/v1/cases/{id}/timeline', {
        params: { path: { id }, query: (pageParam ? { cursor: pageParam } : {}) as never },
      }))) as unknown as Page<TimelineEntry>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The committee's list of reviews (the route is theirs); others see the `reviews` key of the case. */
export function useCaseReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.part(id, 'reviews'),
    enabled,
    queryFn: async (): Promise<Page<CaseReview>> =>
      (await unwrap(api.GET('/api/v1/cases/{id}/reviews', { params: { path: { id } } }))) as unknown as Page<CaseReview>,
  });
}

export function useCaseReferrals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.part(id, 'referrals'),
    enabled,
    queryFn: async (): Promise<Page<CaseReferral>> =>
      (await unwrap(api.GET('/api/v1/cases/{id}/referrals', { params: { path: { id } } }))) as unknown as Page<CaseReferral>,
  });
}

/** Reference data to name codes: services, shelters, indicators (read once per session). */
export function useServiceNames() {
  return useQuery({
    queryKey: ['catalog', 'services'],
    staleTime: Infinity,
    queryFn: async (): Promise<Map<string, Localized>> => {
      const page = (await unwrap(api.GET('/api/v1/catalog/services', { params: { query: { limit: 200 } as never } }))) as unknown as Page<{ code: string; name: Localized }>;
      return new Map(page.items.map((s) => [s.code, s.name]));
    },
  });
}

export function useShelterNames(enabled: boolean) {
  return useQuery({
    queryKey: ['shelters', 'names'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Map<string, string>> => {
      const page = (await unwrap(api.GET('/api/v1/shelters', { params: { query: { limit: 200 } as never } }))) as unknown as Page<{ id: string; name: string }>;
      return new Map(page.items.map((s) => [s.id, s.name]));
    },
  });
}

export function useIndicatorLabels(enabled: boolean) {
  return useQuery({
    queryKey: ['catalog', 'indicators', 'labels'],
    enabled,
    staleTime: Infinity,
    queryFn: async (): Promise<Map<string, Localized>> => {
      const catalog = (await unwrap(api.GET('/api/v1/catalog/indicators'))) as unknown as { indicators: { code: string; label: Localized }[] };
      return new Map(catalog.indicators.map((i) => [i.code, i.label]));
    },
  });
}

function useCaseMutation<B>(id: string, send: (body: B) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useSubmitForReview(id: string) {
  return useCaseMutation(id, (body: { rationale: string }) =>
    unwrap(api.POST('/api/v1/cases/{id}/submit-for-review', { params: { path: { id } }, body: body as never })));
}

export function useCloseCase(id: string) {
  return useCaseMutation(id, (body: { reason: string }) =>
    unwrap(api.POST('/api/v1/cases/{id}/close', { params: { path: { id } }, body: body as never })));
}
