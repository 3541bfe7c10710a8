import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { invalidate } from '../../../lib/api/shared-queries';
import type { IntakeBody, IntakeDraftBody } from './intake.types';

/**
 * `POST /cases` with the form's Idempotency-Key: a double click or a retry after a lost answer sends
 * the same key, and the API answers the case it already created instead of a second one.
 */
export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    // The one assertion: a sex not yet chosen ('') is the API's to refuse, on the field it names.
    mutationFn: ({ body, idempotencyKey }: { body: IntakeDraftBody; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/cases', { body: body as IntakeBody, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => invalidate.newCase(client),
  });
}
