import { infiniteQueryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

export const MARKETING_EMAILS_PAGE_SIZE = 50;

/** The account's marketing emails, newest first, a keyset page at a time. */
export const marketingEmailsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['marketing-emails'] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.listMarketingEmails, {
        query: { limit: MARKETING_EMAILS_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
