import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { MarketingEmailPage } from '../../../contract/marketing-email';

export const MARKETING_EMAILS_PAGE_SIZE = 50;

/** The account's marketing emails, newest first, a keyset page at a time. */
export const marketingEmailsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['marketing-emails'] as const,
    queryFn: ({ signal, pageParam }) =>
      apiRequest('/api/marketing-emails', MarketingEmailPage, {
        query: { limit: MARKETING_EMAILS_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
