import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import {
  EnrollmentCount,
  EnrollmentPage,
  type EnrollmentFilter,
  type EnrollmentSortField,
} from '../../../contract/enrollments';
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
      apiRequest(`/api/sequences/${encodeURIComponent(sequenceId)}/enrollments`, EnrollmentPage, {
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
      apiRequest(`/api/sequences/${encodeURIComponent(sequenceId)}/enrollments/count`, EnrollmentCount, {
        query: { ...filter },
        signal,
      }),
  });

/** The CSV export of the current filter and sort: a plain link the browser downloads. */
export function exportUrl(sequenceId: string, view: EnrollmentView): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...view.filter, sort: view.sort, dir: view.dir })) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  return `/api/sequences/${encodeURIComponent(sequenceId)}/enrollments/export?${params}`;
}
