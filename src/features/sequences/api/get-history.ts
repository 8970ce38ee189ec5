import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { HistoryPage } from '../../../contract/sequences';

export const HISTORY_PAGE_SIZE = 50;

/** The sequence's History (its audit log), newest first, a page at a time. */
export const historyQuery = (sequenceId: string) =>
  infiniteQueryOptions({
    queryKey: ['sequences', sequenceId, 'history'] as const,
    queryFn: ({ signal, pageParam }) =>
      apiRequest(`/api/sequences/${encodeURIComponent(sequenceId)}/history`, HistoryPage, {
        query: { limit: HISTORY_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
