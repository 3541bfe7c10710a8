import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { CaseItem, ReferralRow, ServiceType, Shelter } from './types';

interface Page<T> { items: T[]; nextCursor: string | null }

/** At most this many pages of 200 cases are read for a board (a shelter or an agency sees far fewer). */
const MAX_PAGES = 20;

/**
 * The referrals the caller may see, read from the cases the API lets them see (each case carries the
 * referrals of the caller's shelter or agency: PRODUCT.md section 2); no route lists referrals by
 * target, so the board walks the caller's case list.
 */
export function useVisibleReferrals() {
  return useQuery({
    queryKey: ['referral', 'visible'],
    refetchInterval: 60_000,
    queryFn: async (): Promise<ReferralRow[]> => {
      const rows: ReferralRow[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data = (await unwrap(api.GET('/api/v1/cases', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }))) as unknown as Page<CaseItem>;
        for (const c of data.items) for (const r of c.referrals ?? []) rows.push({ referral: r, caseItem: c });
        if (!data.nextCursor) break;
        cursor = data.nextCursor;
      }
      return rows;
    },
  });
}

export function useShelterList() {
  return useQuery({
    queryKey: ['shelters'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/shelters', { params: { query: { limit: 200 } } }))) as unknown as Page<Shelter>,
  });
}

export function useServiceCatalog() {
  return useQuery({
    queryKey: ['catalog', 'services'],
    staleTime: 5 * 60_000,
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/services', { params: { query: { limit: 200 } } }))) as unknown as Page<ServiceType>,
  });
}

type Action =
  | { kind: 'accept'; id: string }
  | { kind: 'decline'; id: string; reason: string }
  | { kind: 'complete'; id: string; outcome?: string };

/** Accept (a shelter's accept admits), decline with a reason, complete; the board and occupancy are read again after. */
export function useReferralAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (a: Action) => {
      const params = { path: { id: a.id } };
      if (a.kind === 'accept') return unwrap(api.POST('/api/v1/referrals/{id}/accept', { params, body: {} as never }));
      if (a.kind === 'decline') return unwrap(api.POST('/api/v1/referrals/{id}/decline', { params, body: { reason: a.reason } as never }));
      return unwrap(api.POST('/api/v1/referrals/{id}/complete', { params, body: (a.outcome ? { outcome: a.outcome } : {}) as never }));
    },
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: ['referral'] }),
      client.invalidateQueries({ queryKey: ['shelters'] }),
      client.invalidateQueries({ queryKey: ['case'] }),
    ]),
  });
}
