import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';

/** Server state lives here (STYLE.md): a refused request (4xx) is not retried, a failed one once. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (count, err) => !(err instanceof ProblemError && err.status < 500) && count < 1,
    },
    mutations: { retry: false },
  },
});
