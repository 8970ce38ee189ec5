import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** The account's probation level, the figure behind it and what comes next. */
export const probationQuery = () =>
  queryOptions({
    queryKey: ['probation'] as const,
    queryFn: ({ signal }) => request(api.getProbation, { signal }),
  });
