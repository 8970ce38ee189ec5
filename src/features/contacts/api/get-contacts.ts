import { infiniteQueryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

export const CONTACTS_PAGE_SIZE = 50;

/** The Contacts list by name, searched by name or email, a page at a time. */
export const contactsQuery = (q: string | undefined) =>
  infiniteQueryOptions({
    queryKey: ['contacts', 'list', { q }] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.searchContacts, { query: { q, limit: CONTACTS_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
