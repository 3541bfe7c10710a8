import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export interface CreatedCase {
  id: string;
  caseNumber: string;
  status: string;
  traffickingStatus: string;
}

/**
 * `POST /cases` with the form's Idempotency-Key: a double click or a retry after a lost answer sends
 * the same key, and the API answers the case it already created instead of a second one.
 */
export function useCreateCase() {
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: unknown; idempotencyKey: string }) =>
      (await unwrap(api.POST('/api/v1/cases', { body: body as never, headers: { 'Idempotency-Key': idempotencyKey } }))),
  });
}
