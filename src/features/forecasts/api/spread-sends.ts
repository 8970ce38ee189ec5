import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

export interface SpreadVariables {
  inboxId: string;
  planToken: string;
  /** One per confirmed action; a retry of the same action sends the same key. */
  idempotencyKey: string;
}

/** Moves an inbox's overflow as previewed, as one change that Undo reverses. */
export const spreadSendsMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ inboxId, planToken, idempotencyKey }: SpreadVariables) =>
      request(api.spreadSends, { params: { id: inboxId }, body: { planToken }, idempotencyKey }),
    // The forecast and the sequences' Scheduled tabs change.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['send-forecast'] }),
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
      ]),
  });
