import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { SequenceList, type SequenceListQuery } from '../../../contract/sequences';

export async function getSequences(search: SequenceListQuery, signal?: AbortSignal): Promise<SequenceList> {
  return apiRequest('/api/sequences', SequenceList, {
    query: { q: search.q, sort: search.sort, dir: search.dir },
    signal,
  });
}

export const sequencesQuery = (search: SequenceListQuery) =>
  queryOptions({
    queryKey: ['sequences', { q: search.q, sort: search.sort, dir: search.dir }] as const,
    queryFn: ({ signal }) => getSequences(search, signal),
  });
