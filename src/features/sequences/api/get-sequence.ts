import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

export const sequenceQuery = (id: string) =>
  queryOptions({
    queryKey: ['sequences', id] as const,
    queryFn: ({ signal }) => request(api.getSequence, { params: { id }, signal }),
  });
