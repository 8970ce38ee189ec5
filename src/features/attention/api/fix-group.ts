import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { AttentionFixRequest } from '../../../contract/attention';

export interface FixGroupVariables {
  action: 'reenroll' | 'unenroll';
  request: AttentionFixRequest;
  /** One per confirmed action; a retry of the same action sends the same key, so it cannot act twice. */
  idempotencyKey: string;
}

/** What a remedy changes: the groups, and the sequences' rows, figures and History. */
export const invalidateAfterFix = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['attention'] }),
    queryClient.invalidateQueries({ queryKey: ['sequences'] }),
    queryClient.invalidateQueries({ queryKey: ['contacts'] }),
  ]);

/** Fixes a whole group, all or nothing, as one batch that Undo reverses. */
export const fixGroupMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ action, request: body, idempotencyKey }: FixGroupVariables) =>
      request(action === 'reenroll' ? api.attentionReenroll : api.attentionUnenroll, { body, idempotencyKey }),
    onSuccess: () => invalidateAfterFix(queryClient),
  });
