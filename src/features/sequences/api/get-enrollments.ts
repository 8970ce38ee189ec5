import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { request, urlFor } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { EnrollmentFilter, EnrollmentSortField } from '../../../contract/enrollments';
import type { SortDirection } from '../../../contract/sequences';

export interface EnrollmentView {
  filter: EnrollmentFilter;
  sort: EnrollmentSortField;
  dir: SortDirection;
}

export const PAGE_SIZE = 100;

/** Pages of the Enrollments table, fetched as the user scrolls (keyset cursors). */
export const enrollmentsQuery = (sequenceId: string, view: EnrollmentView) =>
  infiniteQueryOptions({
    queryKey: ['sequences', sequenceId, 'enrollments', view] as const,
    queryFn: ({ signal, pageParam }) =>
      request(api.listEnrollments, {
        params: { id: sequenceId },
        query: { ...view.filter, sort: view.sort, dir: view.dir, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** How many enrollments match the filter (the table's total). */
export const enrollmentCountQuery = (sequenceId: string, filter: EnrollmentFilter) =>
  queryOptions({
    queryKey: ['sequences', sequenceId, 'enrollments', 'count', filter] as const,
    queryFn: ({ signal }) =>
      request(api.countEnrollments, { params: { id: sequenceId }, query: { ...filter }, signal }),
  });

/** The CSV export of the current filter and sort: a plain link the browser downloads. */
export function exportUrl(sequenceId: string, view: EnrollmentView): string {
  return urlFor(api.exportEnrollments, { params: { id: sequenceId }, query: { ...view.filter, sort: view.sort, dir: view.dir } });
}
