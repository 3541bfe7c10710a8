import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Bilingual = { es: string; en: string };

export interface CatalogIndicator {
  code: string;
  dimension: string;
  strength: { adult: string; child: string };
  exploitationForms: string[];
  label: Bilingual;
}

export interface IndicatorCatalog {
  version: string;
  dimensions: string[];
  indicators: CatalogIndicator[];
}

export interface Province {
  code: string;
  name: string | Bilingual;
}

export interface BorderPoint {
  code: string;
  name: Bilingual;
  province: string;
  active: boolean;
}

export interface Agency {
  code: string;
  name: Bilingual;
}

const HOUR = 3_600_000;

/** The latest indicator catalog (PRODUCT.md section 5): dimensions and indicators with their labels. */
export function useIndicatorCatalog() {
  return useQuery({
    queryKey: ['catalog', 'indicators'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/indicators', {}))),
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
