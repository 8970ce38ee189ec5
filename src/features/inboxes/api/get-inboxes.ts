import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { InboxList } from '../../../contract/contacts';

/** The signed-in user's sending inboxes. */
export const inboxesQuery = () =>
  queryOptions({
    queryKey: ['inboxes'] as const,
    queryFn: ({ signal }) => apiRequest('/api/inboxes', InboxList, { signal }),
  });
