import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { AccountProbation } from '../../../contract/probation';

/** The account's probation level, the figure behind it and what comes next. */
export const probationQuery = () =>
  queryOptions({
    queryKey: ['probation'] as const,
    queryFn: ({ signal }) => apiRequest('/api/probation', AccountProbation, { signal }),
  });
