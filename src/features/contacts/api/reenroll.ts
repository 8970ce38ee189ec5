import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { Enrollment } from '../../../contract/enrollments';

/** Re-enrolls a paused enrollment at the step its send problem allows. */
export const reenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ enrollmentId, step }: { enrollmentId: string; step: number }) =>
      apiRequest(`/api/enrollments/${encodeURIComponent(enrollmentId)}/reenroll`, Enrollment, {
        method: 'POST',
        body: { step },
      }),
    onSuccess: (e) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
        queryClient.invalidateQueries({ queryKey: ['sequences', e.sequenceId] }),
      ]),
  });
