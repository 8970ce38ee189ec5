import { infiniteQueryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { ContactProblem } from '../../../contract/probation';

export const REVIEW_CONTACTS_PAGE_SIZE = 50;

/** The marketing contacts with one problem (or all), a keyset page at a time, with counts. */
export const reviewContactsQuery = (problem: ContactProblem | null) =>
  infiniteQueryOptions({
    queryKey: ['probation', 'review', 'contacts', { problem }] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.listReviewContacts, {
        query: { problem: problem ?? undefined, limit: REVIEW_CONTACTS_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
