import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { Account } from '../../../contract/email-health';

/** The account: plan, industry, and the industries an admin may choose from. */
export const accountQuery = () =>
  queryOptions({
    queryKey: ['account'] as const,
    queryFn: ({ signal }) => apiRequest('/api/account', Account, { signal }),
  });
