import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { DeclineReasonCode, ReferralItem, ReferralStatus } from './types';

/** Referrals change when someone else acts on them: read again every minute. */
const REFRESH_MS = 60_000;

/**
 * The referrals addressed to the user (GET /referrals: their shelter's, or their agency's service
 * referrals), pending first and then newest, one page per request; `fetchNextPage` loads the next one.
 */
export function useAddressedReferrals(statuses?: ReferralStatus[]) {
  return useInfiniteQuery({
    queryKey: ['referral', 'addressed', statuses ?? 'all'],
    queryFn: async ({ pageParam }) => unwrap(api.GET('/api/v1/referrals', {
      params: { query: { ...(statuses ? { status: statuses } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
}

/** The items of every page loaded so far. */
export function loadedItems(data: { pages: { items: ReferralItem[] }[] } | undefined): ReferralItem[] {
  return data ? data.pages.flatMap((p) => p.items) : [];
}

export function useShelterList() {
  return useQuery({
    queryKey: ['shelters'],
    queryFn: () => unwrap(api.GET('/api/v1/shelters', { params: { query: { limit: 200 } } })),
  });
}

export function useServiceCatalog() {
  return useQuery({
    queryKey: ['catalog', 'services'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/catalog/services', { params: { query: { limit: 200 } } })),
  });
}

type Action =
  | { kind: 'accept'; id: string }
  | { kind: 'decline'; id: string; reason: string; reasonCode?: DeclineReasonCode }
  | { kind: 'complete'; id: string; outcome?: string };

/** Accept (a shelter's accept admits), decline with a reason, complete; the referrals and occupancy are read again after. */
export function useReferralAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (a: Action) => {
      const params = { path: { id: a.id } };
      if (a.kind === 'accept') return unwrap(api.POST('/api/v1/referrals/{id}/accept', { params, body: {} }));
      if (a.kind === 'decline') return unwrap(api.POST('/api/v1/referrals/{id}/decline', { params, body: { reason: a.reason, ...(a.reasonCode ? { reasonCode: a.reasonCode } : {}) } }));
      return unwrap(api.POST('/api/v1/referrals/{id}/complete', { params, body: a.outcome ? { outcome: a.outcome } : {} }));
    },
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: ['referral'] }),
      client.invalidateQueries({ queryKey: ['shelters'] }),
      client.invalidateQueries({ queryKey: ['case'] }),
    ]),
  });
}
