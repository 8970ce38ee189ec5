import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** The account: plan, industry, and the industries an admin may choose from. */
export const accountQuery = () =>
  queryOptions({
    queryKey: ['account'] as const,
    queryFn: ({ signal }) => request(api.getAccount, { signal }),
  });
