import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { BulkUnenrollResult, IDEMPOTENCY_KEY_HEADER, type BulkUnenrollRequest } from '../../../contract/enrollments';

export interface BulkUnenrollVariables {
  request: BulkUnenrollRequest;
  /** One per confirmed action; a retry of the same action sends the same key, so it cannot
   * unenroll twice. */
  idempotencyKey: string;
}

/** Unenrolls the ticked enrollments, or every one matching the filter, as one batch that Undo reverses. */
export const bulkUnenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ request, idempotencyKey }: BulkUnenrollVariables) =>
      apiRequest('/api/enrollments/bulk-unenroll', BulkUnenrollResult, {
        method: 'POST',
        body: request,
        headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
      }),
    // The rows, the count, the figures, Scheduled and History all change; so do the list's figures.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
