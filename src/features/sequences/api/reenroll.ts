import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Re-enrolls a paused contact at the step its send problem allows. */
export const reenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ enrollmentId, step }: { enrollmentId: string; step: number }) =>
      request(api.reenroll, { params: { id: enrollmentId }, body: { step } }),
    onSuccess: (e) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences', e.sequenceId] }),
        queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
      ]),
  });
