import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { SequenceList, SequenceListQuery } from '../../../contract/sequences';

export async function getSequences(search: SequenceListQuery, signal?: AbortSignal): Promise<SequenceList> {
  return request(api.listSequences, {
    query: { q: search.q, sort: search.sort, dir: search.dir },
    signal,
  });
}

export const sequencesQuery = (search: SequenceListQuery) =>
  queryOptions({
    queryKey: ['sequences', { q: search.q, sort: search.sort, dir: search.dir }] as const,
    queryFn: ({ signal }) => getSequences(search, signal),
  });
