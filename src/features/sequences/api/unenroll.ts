import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { Enrollment } from '../../../contract/enrollments';

/** Unenrolls one contact; refreshes the sequences (figures, rows) and the contact. */
export const unenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (enrollmentId: string) =>
      apiRequest(`/api/enrollments/${encodeURIComponent(enrollmentId)}/unenroll`, Enrollment, { method: 'POST' }),
    onSuccess: (e) =>
      Promise.all([
        // The list's figures change too, so the whole 'sequences' tree goes stale.
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
      ]),
  });
