import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { ContactSearchResult, InboxList } from '../../../contract/contacts';
import { EnrollResult, type EnrollRequest } from '../../../contract/enrollments';

export const contactSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['contacts', 'search', q] as const,
    queryFn: ({ signal }) => apiRequest('/api/contacts', ContactSearchResult, { query: { q, limit: 20 }, signal }),
    staleTime: 30_000,
  });

export const inboxesQuery = () =>
  queryOptions({
    queryKey: ['inboxes'] as const,
    queryFn: ({ signal }) => apiRequest('/api/inboxes', InboxList, { signal }),
    staleTime: 60_000,
  });

export const enrollContactsMutation = (queryClient: QueryClient, sequenceId: string) =>
  mutationOptions({
    mutationFn: (body: EnrollRequest) =>
      apiRequest(`/api/sequences/${encodeURIComponent(sequenceId)}/enrollments`, EnrollResult, { method: 'POST', body }),
    // Figures change in the list too, and the enrolled contacts' records.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
