import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import {
  invalidate, useBorderPoints, useIndicatorCatalog, useProvinces, useServiceCatalog, useShelters,
  type BorderPointsData, type IndicatorCatalogData, type ProvincesData, type ServicesData, type SheltersData,
} from '../../../lib/api/shared-queries';
import type { ApiBody } from '../../../lib/api/types';
import { caseListQuery, type CaseListFilters, type Localized } from './case.types';

export { useCase, useCaseReferrals, useCaseReviews, useCaseTimeline } from '../../../lib/api/shared-queries';

export function useCaseList(filters: CaseListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.cases.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/cases', {
        params: { query: { ...caseListQuery(filters), ...(pageParam ? { cursor: pageParam } : {}) } },
      })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Names to show for the codes a case holds, derived from the shared reference data (read once per session). */
const serviceNames = (page: ServicesData) => new Map<string, Localized>(page.items.map((s) => [s.code, s.name]));
const provinceNames = (page: ProvincesData) => new Map<string, string>(page.items.map((p) => [p.code, p.name]));
const borderPointNames = (page: BorderPointsData) => new Map<string, Localized>(page.items.map((b) => [b.code, b.name]));
const shelterNames = (page: SheltersData) => new Map<string, string>(page.items.map((s) => [s.id, s.name]));
const indicatorLabels = (catalog: IndicatorCatalogData) => new Map<string, Localized>(catalog.indicators.map((i) => [i.code, i.label]));

export const useServiceNames = () => useServiceCatalog({ select: serviceNames });
export const useProvinceNames = () => useProvinces({ select: provinceNames });
export const useBorderPointNames = () => useBorderPoints({ select: borderPointNames });
export const useShelterNames = (enabled: boolean) => useShelters({ select: shelterNames, enabled });
export const useIndicatorLabels = (enabled: boolean) => useIndicatorCatalog({ select: indicatorLabels, enabled });

function useCaseMutation<B>(id: string, send: (body: B) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => invalidate.case(client, id),
  });
}

export function useSubmitForReview(id: string) {
  return useCaseMutation(id, (body: ApiBody<'/api/v1/cases/{id}/submit-for-review', 'post'>) =>
    unwrap(api.POST('/api/v1/cases/{id}/submit-for-review', { params: { path: { id } }, body })));
}

export function useCloseCase(id: string) {
  return useCaseMutation(id, (body: ApiBody<'/api/v1/cases/{id}/close', 'post'>) =>
    unwrap(api.POST('/api/v1/cases/{id}/close', { params: { path: { id } }, body })));
}
