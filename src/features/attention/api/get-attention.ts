import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { AttentionFilter } from '../../../contract/attention';

/** Every error across the user's sequences, grouped by what fixes it; the navigation's count
 * reads the unfiltered one. */
export const attentionQuery = (filter: AttentionFilter = {}) =>
  queryOptions({
    queryKey: ['attention', filter] as const,
    queryFn: ({ signal }) => request(api.getAttention, { query: filter, signal }),
  });
