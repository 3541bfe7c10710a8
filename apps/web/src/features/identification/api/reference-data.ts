import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { Schema } from '../../../lib/api/types';

/** The reference data the intake reads, as the contract declares it. */
export type IndicatorCatalog = Schema<'IndicatorCatalogResponse'>;
export type CatalogIndicator = IndicatorCatalog['indicators'][number];
export type Province = Schema<'ProvinceResponse'>;
export type BorderPoint = Schema<'BorderPointResponse'>;
export type Agency = Schema<'AgencyResponse'>;

const HOUR = 3_600_000;

/** The latest indicator catalog (PRODUCT.md section 5): dimensions and indicators with their labels. */
export function useIndicatorCatalog() {
  return useQuery({
    queryKey: ['catalog', 'indicators'],
    queryFn: () => unwrap(api.GET('/api/v1/catalog/indicators', {})),
    staleTime: HOUR,
  });
}

export function useProvinces() {
  return useQuery({
    queryKey: ['catalog', 'provinces'],
    queryFn: async () => ((await unwrap(api.GET('/api/v1/catalog/provinces', { params: { query: { limit: 200 } } })))).items,
    staleTime: HOUR,
  });
}

export function useBorderPoints() {
  return useQuery({
    queryKey: ['catalog', 'border-points'],
    queryFn: async () => ((await unwrap(api.GET('/api/v1/catalog/border-points', { params: { query: { limit: 200 } } })))).items,
    staleTime: HOUR,
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: async () => ((await unwrap(api.GET('/api/v1/agencies', { params: { query: { limit: 200 } } })))).items,
    staleTime: HOUR,
  });
}
