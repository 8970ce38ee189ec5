import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { Enrollment } from '../../../contract/enrollments';

/** Unenrolls the contact from one sequence; refreshes the record and the sequences' figures. */
export const unenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (enrollmentId: string) =>
      apiRequest(`/api/enrollments/${encodeURIComponent(enrollmentId)}/unenroll`, Enrollment, { method: 'POST' }),
    onSuccess: (e) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
      ]),
  });
