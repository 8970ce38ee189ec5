import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** The integration keys, revoked ones too (never the keys themselves). */
export const keysQuery = () =>
  queryOptions({
    queryKey: ['integration-keys'] as const,
    queryFn: ({ signal }) => request(api.listApiKeys, { signal }),
  });
