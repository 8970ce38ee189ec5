import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { SequenceDetail } from '../../../contract/sequences';

export const sequenceQuery = (id: string) =>
  queryOptions({
    queryKey: ['sequences', id] as const,
    queryFn: ({ signal }) => apiRequest(`/api/sequences/${encodeURIComponent(id)}`, SequenceDetail, { signal }),
  });
