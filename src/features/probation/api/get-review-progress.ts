import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { ReviewProgress } from '../../../contract/probation';

/** Where the open contact review stands: saved on the server, shared by every browser. */
export const reviewProgressQuery = () =>
  queryOptions({
    queryKey: ['probation', 'review'] as const,
    queryFn: ({ signal }) => apiRequest('/api/probation/review', ReviewProgress, { signal }),
    // Another browser may have moved it on: read it fresh whenever the review opens.
    staleTime: 0,
  });
