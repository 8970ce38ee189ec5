import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { ContactDetail } from '../../../contract/contacts';

/** A contact's record with their enrollments (reps: only the ones they made). */
export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: ['contacts', id] as const,
    queryFn: ({ signal }) => apiRequest(`/api/contacts/${encodeURIComponent(id)}`, ContactDetail, { signal }),
  });
