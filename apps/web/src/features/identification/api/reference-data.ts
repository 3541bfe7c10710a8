import {
  itemsOf, useAgencies as useAgencyList, useBorderPoints as useBorderPointList, useProvinces as useProvinceList,
} from '../../../lib/api/shared-queries';
import type { Schema } from '../../../lib/api/types';

/** The reference data the intake reads, as the contract declares it. */
export type IndicatorCatalog = Schema<'IndicatorCatalogResponse'>;
export type CatalogIndicator = IndicatorCatalog['indicators'][number];
export type Province = Schema<'ProvinceResponse'>;
export type BorderPoint = Schema<'BorderPointResponse'>;
export type Agency = Schema<'AgencyResponse'>;

/** The latest indicator catalog (PRODUCT.md section 5), shared with the case page. */
export { useIndicatorCatalog } from '../../../lib/api/shared-queries';

/** The intake's lists: the items of the shared reads (every list fits in one page). */
export const useProvinces = () => useProvinceList({ select: itemsOf<Province> });
export const useBorderPoints = () => useBorderPointList({ select: itemsOf<BorderPoint> });
export const useAgencies = () => useAgencyList({ select: itemsOf<Agency> });
