import { notify } from '../../../lib/notify/notify';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ProblemError, unwrap } from '../../../lib/api/problem';
import { queryKeys } from '../../../lib/api/query-keys';
import type { InboxFilters, Task, TaskPage } from './task.types';

/** The inbox refreshes by itself: every 20 s while the page is visible, and when the window regains focus. */
export const INBOX_REFRESH_MS = 20_000;

export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.tasks.inboxPage(filters),
    queryFn: async ({ pageParam }): Promise<TaskPage> =>
      unwrap(api.GET('/api/v1/tasks', {
        params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
      })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: INBOX_REFRESH_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

type TaskAction = 'claim' | 'release' | 'complete';

/**
 * Claim, release or complete a task; the inbox is read again whatever the answer (someone may have been
 * first). A refusal is also announced as a notification, because the task may leave the list on refresh.
 */
export function useTaskAction(action: TaskAction, refusedTitle: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<Task> => {
      const params = { params: { path: { id } } };
      if (action === 'claim') return unwrap(api.POST('/api/v1/tasks/{id}/claim', params));
      if (action === 'release') return unwrap(api.POST('/api/v1/tasks/{id}/release', params));
      return unwrap(api.POST('/api/v1/tasks/{id}/complete', params));
    },
    onError: (err) => {
      notify({ color: 'red', title: refusedTitle, message: err instanceof ProblemError ? err.message : String(err.message) });
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.tasks.inbox() }),
  });
}
