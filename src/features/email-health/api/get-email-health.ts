import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { EmailHealthQuery } from '../../../contract/email-health';

/** The account's email health for a window, with the trend in days or weeks. */
export const emailHealthQuery = (search: EmailHealthQuery) =>
  queryOptions({
    queryKey: ['email-health', { window: search.window, granularity: search.granularity }] as const,
    queryFn: ({ signal }) =>
      request(api.getEmailHealth, {
        query: { window: search.window, granularity: search.granularity },
        signal,
      }),
  });
