import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** A contact's record with their enrollments (reps: only the ones they made). */
export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: ['contacts', id] as const,
    queryFn: ({ signal }) => request(api.getContact, { params: { id }, signal }),
  });
