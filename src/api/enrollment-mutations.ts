import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from './client';
import { api } from './endpoints';

// One enrollment's changes, offered wherever an enrollment is shown: the sequence summary's rows
// and the contact record. Either changes the sequences' figures and rows and the contact's
// enrollments, so both trees go stale.
const refresh = (queryClient: QueryClient, e: { contact: { id: string } }) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['sequences'] }),
    queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
  ]);

/** Unenrolls one contact from one sequence. */
export const unenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (enrollmentId: string) => request(api.unenroll, { params: { id: enrollmentId } }),
    onSuccess: (e) => refresh(queryClient, e),
  });

/** Re-enrolls a paused enrollment at the step its send problem allows. */
export const reenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ enrollmentId, step }: { enrollmentId: string; step: number }) =>
      request(api.reenroll, { params: { id: enrollmentId }, body: { step } }),
    onSuccess: (e) => refresh(queryClient, e),
  });
