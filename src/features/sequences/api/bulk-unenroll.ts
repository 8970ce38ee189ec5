import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { BulkUnenrollRequest } from '../../../contract/enrollments';

export interface BulkUnenrollVariables {
  request: BulkUnenrollRequest;
  /** One per confirmed action; a retry of the same action sends the same key, so it cannot
   * unenroll twice. */
  idempotencyKey: string;
}

/** Unenrolls the ticked enrollments, or every one matching the filter, as one batch that Undo reverses. */
export const bulkUnenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ request: body, idempotencyKey }: BulkUnenrollVariables) =>
      request(api.bulkUnenroll, { body, idempotencyKey }),
    // The rows, the count, the figures, Scheduled and History all change; so do the list's figures.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
