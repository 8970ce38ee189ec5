import { infiniteQueryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { StepType } from '../../../contract/sequences';

/** The Scheduled tab's filter: a step type, and send times from / before two instants. */
export interface ScheduledFilter {
  type?: StepType;
  from?: string;
  to?: string;
}

export const SCHEDULED_PAGE_SIZE = 50;

/** Upcoming steps of the sequence's active enrollments, soonest first (keyset cursors). */
export const scheduledQuery = (sequenceId: string, filter: ScheduledFilter) =>
  infiniteQueryOptions({
    queryKey: ['sequences', sequenceId, 'scheduled', filter] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.listScheduled, {
        params: { id: sequenceId },
        query: { ...filter, limit: SCHEDULED_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
