import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { ApiBody } from '../../../lib/api/types';
import { caseListQuery, type CaseListFilters, type Localized } from './case.types';

export const caseKeys = {
  list: (filters: CaseListFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  part: (id: string, part: string) => ['cases', 'detail', id, part] as const,
};

export function useCaseList(filters: CaseListFilters) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/cases', {
        params: { query: { ...caseListQuery(filters), ...(pageParam ? { cursor: pageParam } : {}) } },
      })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function useCaseTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: caseKeys.part(id, 'timeline'),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/cases/{id}/timeline', {
        params: { path: { id }, query: pageParam ? { cursor: pageParam } : {} },
      })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The committee's list of reviews (the route is theirs); others see the `reviews` key of the case. */
export function useCaseReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.part(id, 'reviews'),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/reviews', { params: { path: { id } } })),
  });
}

export function useCaseReferrals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.part(id, 'referrals'),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/referrals', { params: { path: { id } } })),
  });
}

/** Reference data to name codes: services, shelters, indicators (read once per session). */
export function useServiceNames() {
  return useQuery({
    queryKey: ['catalog', 'services'],
    staleTime: Infinity,
    queryFn: async (): Promise<Map<string, Localized>> => {
      const page = await unwrap(api.GET('/api/v1/catalog/services', { params: { query: { limit: 200 } } }));
      return new Map(page.items.map((s) => [s.code, s.name]));
    },
  });
}

/**
 * Provinces (INEC code → name) and border points (code → name in both languages), to name the codes
 * a case holds. Same keys and shape as the intake's lists, so one read serves both screens.
 */
export function useProvinceNames() {
  return useQuery({
    queryKey: ['catalog', 'provinces'],
    staleTime: Infinity,
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/provinces', { params: { query: { limit: 200 } } }))).items,
    select: (items): Map<string, string> => new Map(items.map((p) => [p.code, p.name])),
  });
}

export function useBorderPointNames() {
  return useQuery({
    queryKey: ['catalog', 'border-points'],
    staleTime: Infinity,
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/border-points', { params: { query: { limit: 200 } } }))).items,
    select: (items): Map<string, Localized> => new Map(items.map((b) => [b.code, b.name])),
  });
}

export function useShelterNames(enabled: boolean) {
  return useQuery({
    queryKey: ['shelters', 'names'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Map<string, string>> => {
      const page = await unwrap(api.GET('/api/v1/shelters', { params: { query: { limit: 200 } } }));
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
      const catalog = await unwrap(api.GET('/api/v1/catalog/indicators'));
      return new Map(catalog.indicators.map((i) => [i.code, i.label]));
    },
  });
}

function useCaseMutation<B>(send: (body: B) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useSubmitForReview(id: string) {
  return useCaseMutation((body: ApiBody<'/api/v1/cases/{id}/submit-for-review', 'post'>) =>
    unwrap(api.POST('/api/v1/cases/{id}/submit-for-review', { params: { path: { id } }, body })));
}

export function useCloseCase(id: string) {
  return useCaseMutation((body: ApiBody<'/api/v1/cases/{id}/close', 'post'>) =>
    unwrap(api.POST('/api/v1/cases/{id}/close', { params: { path: { id } }, body })));
}
