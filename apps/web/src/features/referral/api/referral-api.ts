import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import { invalidate } from '../../../lib/api/shared-queries';
import type { DeclineReasonCode, ReferralItem, ReferralStatus } from './types';

/** Referrals change when someone else acts on them: read again every minute. */
const REFRESH_MS = 60_000;

/**
 * The referrals addressed to the user (GET /referrals: their shelter's, or their agency's service
 * referrals), pending first and then newest, one page per request; `fetchNextPage` loads the next one.
 */
export function useAddressedReferrals(statuses?: ReferralStatus[]) {
  return useInfiniteQuery({
    queryKey: queryKeys.referrals.addressed(statuses),
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

/** The shelters (names and occupancy) and the service catalog, as every screen shares them. */
export { useServiceCatalog, useShelters } from '../../../lib/api/shared-queries';

/** An action on a referral of a case (`caseId`: whose data is read again after). */
type Action = { id: string; caseId: string } & (
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string; reasonCode?: DeclineReasonCode }
  | { kind: 'complete'; outcome?: string });

/**
 * Accept (a shelter's accept admits), decline with a reason, complete; after it, whatever the answer
 * (someone may have acted first), the referral lists, the shelters' occupancy and the case are read again.
 */
export function useReferralAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (a: Action) => {
      const params = { path: { id: a.id } };
      if (a.kind === 'accept') return unwrap(api.POST('/api/v1/referrals/{id}/accept', { params, body: {} }));
      if (a.kind === 'decline') return unwrap(api.POST('/api/v1/referrals/{id}/decline', { params, body: { reason: a.reason, ...(a.reasonCode ? { reasonCode: a.reasonCode } : {}) } }));
      return unwrap(api.POST('/api/v1/referrals/{id}/complete', { params, body: a.outcome ? { outcome: a.outcome } : {} }));
    },
    onSettled: (_data, _error, a) => invalidate.referrals(client, a.caseId),
  });
}
