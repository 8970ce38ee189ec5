import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Where the open contact review stands: saved on the server, shared by every browser. */
export const reviewProgressQuery = () =>
  queryOptions({
    queryKey: ['probation', 'review'] as const,
    queryFn: ({ signal }) => request(api.getReviewProgress, { signal }),
    // Another browser may have moved it on: read it fresh whenever the review opens.
    staleTime: 0,
  });
