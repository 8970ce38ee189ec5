import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** The signed-in user's sending inboxes. */
export const inboxesQuery = () =>
  queryOptions({
    queryKey: ['inboxes'] as const,
    queryFn: ({ signal }) => request(api.listInboxes, { signal }),
  });
