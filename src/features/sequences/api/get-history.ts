import { infiniteQueryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

export const HISTORY_PAGE_SIZE = 50;

/** The sequence's History (its audit log), newest first, a page at a time. */
export const historyQuery = (sequenceId: string) =>
  infiniteQueryOptions({
    queryKey: ['sequences', sequenceId, 'history'] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.listHistory, {
        params: { id: sequenceId },
        query: { limit: HISTORY_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
