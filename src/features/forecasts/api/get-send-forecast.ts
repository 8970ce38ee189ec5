import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

export interface ForecastFilters {
  /** Only this inbox. */
  inboxId?: string;
  /** 'me': only the signed-in user's own inboxes (reps always see only theirs). */
  owner?: 'me' | 'all';
}

/** The send forecast per inbox for the next 7 days. */
export const sendForecastQuery = (filters: ForecastFilters = {}) =>
  queryOptions({
    queryKey: ['send-forecast', filters] as const,
    queryFn: ({ signal }) =>
      request(api.getSendForecast, {
        query: { ...(filters.inboxId ? { inboxId: filters.inboxId } : {}), owner: filters.owner ?? 'all' },
        signal,
      }),
  });
