import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { EmailHealth, type EmailHealthQuery } from '../../../contract/email-health';

/** The account's email health for a window, with the trend in days or weeks. */
export const emailHealthQuery = (search: EmailHealthQuery) =>
  queryOptions({
    queryKey: ['email-health', { window: search.window, granularity: search.granularity }] as const,
    queryFn: ({ signal }) =>
      apiRequest('/api/email-health', EmailHealth, {
        query: { window: search.window, granularity: search.granularity },
        signal,
      }),
  });
