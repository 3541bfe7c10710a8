import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './problem';
import { queryKeys } from './query-keys';
import type { ApiData } from './types';

/**
 * The reads several screens share (the case and its parts, the catalogs, the shelters, the agencies):
 * one hook each, caching the API's answer under its key of `queryKeys`. A screen that wants another
 * shape passes `select` (a function defined once, outside the component, so that it is not re-run on
 * every render), and the cache keeps one shape per key whichever screen read it first.
 */
export interface ReadOptions<T, R> {
  select?: (data: T) => R;
  enabled?: boolean;
}

const HOUR = 3_600_000;
/** Every list of reference data fits in one page of the API's largest size. */
const ALL = { limit: 200 } as const;

export type CaseData = ApiData<'/api/v1/cases/{id}', 'get'>;
export type CaseReviewsData = ApiData<'/api/v1/cases/{id}/reviews', 'get'>;
export type CaseReferralsData = ApiData<'/api/v1/cases/{id}/referrals', 'get'>;
export type ServicesData = ApiData<'/api/v1/catalog/services', 'get'>;
export type ProvincesData = ApiData<'/api/v1/catalog/provinces', 'get'>;
export type BorderPointsData = ApiData<'/api/v1/catalog/border-points', 'get'>;
export type IndicatorCatalogData = ApiData<'/api/v1/catalog/indicators', 'get'>;
export type SheltersData = ApiData<'/api/v1/shelters', 'get'>;
export type AgenciesData = ApiData<'/api/v1/agencies', 'get'>;
export type CaseSheltersData = ApiData<'/api/v1/cases/{id}/shelters', 'get'>;
export type CountriesData = ApiData<'/api/v1/catalog/countries', 'get'>;

/** The items of a page, for `select`. */
export const itemsOf = <T>(page: { items: T[] }): T[] => page.items;

/** GET /cases/:id: the case as this user may see it (the case page and the review screen). */
export function useCase<R = CaseData>(id: string, options: ReadOptions<CaseData, R> = {}) {
  return useQuery<CaseData, Error, R>({
    queryKey: queryKeys.cases.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
    ...options,
  });
}

/** The case's history, a page at a time (`fetchNextPage` for more). */
export function useCaseTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.cases.timeline(id),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/cases/{id}/timeline', {
        params: { path: { id }, query: pageParam ? { cursor: pageParam } : {} },
      })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The committee's list of the case's reviews (the route is theirs). */
export function useCaseReviews<R = CaseReviewsData>(id: string, options: ReadOptions<CaseReviewsData, R> = {}) {
  return useQuery<CaseReviewsData, Error, R>({
    queryKey: queryKeys.cases.reviews(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/reviews', { params: { path: { id }, query: ALL } })),
    ...options,
  });
}

/** The case's referrals this user may see. */
export function useCaseReferrals<R = CaseReferralsData>(id: string, options: ReadOptions<CaseReferralsData, R> = {}) {
  return useQuery<CaseReferralsData, Error, R>({
    queryKey: queryKeys.cases.referrals(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/referrals', { params: { path: { id } } })),
    ...options,
  });
}

export function useServiceCatalog<R = ServicesData>(options: ReadOptions<ServicesData, R> = {}) {
  return useQuery<ServicesData, Error, R>({
    queryKey: queryKeys.catalog.services(),
    queryFn: () => unwrap(api.GET('/api/v1/catalog/services', { params: { query: ALL } })),
    staleTime: HOUR,
    ...options,
  });
}

export function useProvinces<R = ProvincesData>(options: ReadOptions<ProvincesData, R> = {}) {
  return useQuery<ProvincesData, Error, R>({
    queryKey: queryKeys.catalog.provinces(),
    queryFn: () => unwrap(api.GET('/api/v1/catalog/provinces', { params: { query: ALL } })),
    staleTime: HOUR,
    ...options,
  });
}

export function useBorderPoints<R = BorderPointsData>(options: ReadOptions<BorderPointsData, R> = {}) {
  return useQuery<BorderPointsData, Error, R>({
    queryKey: queryKeys.catalog.borderPoints(),
    queryFn: () => unwrap(api.GET('/api/v1/catalog/border-points', { params: { query: ALL } })),
    staleTime: HOUR,
    ...options,
  });
}

/** The latest indicator catalog (PRODUCT.md section 5): dimensions and indicators with their labels. */
export function useIndicatorCatalog<R = IndicatorCatalogData>(options: ReadOptions<IndicatorCatalogData, R> = {}) {
  return useQuery<IndicatorCatalogData, Error, R>({
    queryKey: queryKeys.catalog.indicators(),
    queryFn: () => unwrap(api.GET('/api/v1/catalog/indicators')),
    staleTime: HOUR,
    ...options,
  });
}

/** The shelters with their occupancy, which changes with every admission: read again when stale. */
export function useShelters<R = SheltersData>(options: ReadOptions<SheltersData, R> = {}) {
  return useQuery<SheltersData, Error, R>({
    queryKey: queryKeys.shelters(),
    queryFn: () => unwrap(api.GET('/api/v1/shelters', { params: { query: ALL } })),
    ...options,
  });
}

/** GET /cases/:id/shelters: the shelters with their occupancy and, for this case, eligible or the rules that failed (the API decides it). */
export function useCaseShelters<R = CaseSheltersData>(caseId: string, options: ReadOptions<CaseSheltersData, R> = {}) {
  return useQuery<CaseSheltersData, Error, R>({
    queryKey: queryKeys.cases.shelters(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/shelters', { params: { path: { id: caseId }, query: ALL } })),
    ...options,
  });
}

/** GET /catalog/countries: the one table of countries, with their names in both languages. */
export function useCountries<R = CountriesData>(options: ReadOptions<CountriesData, R> = {}) {
  return useQuery<CountriesData, Error, R>({
    queryKey: queryKeys.catalog.countries(),
    queryFn: () => unwrap(api.GET('/api/v1/catalog/countries', { params: { query: ALL } })),
    staleTime: Infinity,
    ...options,
  });
}

export function useAgencies<R = AgenciesData>(options: ReadOptions<AgenciesData, R> = {}) {
  return useQuery<AgenciesData, Error, R>({
    queryKey: queryKeys.agencies(),
    queryFn: () => unwrap(api.GET('/api/v1/agencies', { params: { query: ALL } })),
    staleTime: HOUR,
    ...options,
  });
}

/**
 * What to read again after a change, by what changed. Inactive queries are marked stale (read again
 * when next shown); those on screen are read again now.
 */
export const invalidate = {
  /** A case changed (its status, reviews, plan, referrals…): the case and its parts, the case lists, the inbox. */
  case: (client: QueryClient, caseId: string) => Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.cases.detail(caseId) }),
    client.invalidateQueries({ queryKey: queryKeys.cases.lists() }),
    client.invalidateQueries({ queryKey: queryKeys.tasks.all }),
  ]),
  /** A case's referrals changed (created, accepted, declined, completed): also the referral lists and the shelters' occupancy. */
  referrals: (client: QueryClient, caseId: string) => Promise.all([
    invalidate.case(client, caseId),
    client.invalidateQueries({ queryKey: queryKeys.referrals.all }),
    client.invalidateQueries({ queryKey: queryKeys.shelters() }),
  ]),
  /** A case was created: the case lists and the inbox. */
  newCase: (client: QueryClient) => Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.cases.lists() }),
    client.invalidateQueries({ queryKey: queryKeys.tasks.all }),
  ]),
};
