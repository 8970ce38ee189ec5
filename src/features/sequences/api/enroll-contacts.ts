import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { EnrollRequest } from '../../../contract/enrollments';

export const contactSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['contacts', 'search', q] as const,
    queryFn: ({ signal }) => request(api.searchContacts, { query: { q, limit: 20 }, signal }),
    staleTime: 30_000,
  });

export const inboxesQuery = () =>
  queryOptions({
    queryKey: ['inboxes'] as const,
    queryFn: ({ signal }) => request(api.listInboxes, { signal }),
    staleTime: 60_000,
  });

export const enrollContactsMutation = (queryClient: QueryClient, sequenceId: string) =>
  mutationOptions({
    mutationFn: (body: EnrollRequest) => request(api.enrollContacts, { params: { id: sequenceId }, body }),
    // Figures change in the list too, and the enrolled contacts' records.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
