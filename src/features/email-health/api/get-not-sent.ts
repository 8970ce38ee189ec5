import { infiniteQueryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { NotSentSearch } from '../health-search';

export const NOT_SENT_PAGE_SIZE = 50;

/** The emails not sent for one reason in a window, newest first, a keyset page at a time. */
export const notSentQuery = (search: NotSentSearch) =>
  infiniteQueryOptions({
    queryKey: ['email-health', 'not-sent', search] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.listNotSentContacts, {
        query: { ...search, limit: NOT_SENT_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
