import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Unenrolls one contact; refreshes the sequences (figures, rows) and the contact. */
export const unenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (enrollmentId: string) =>
      request(api.unenroll, { params: { id: enrollmentId } }),
    onSuccess: (e) =>
      Promise.all([
        // The list's figures change too, so the whole 'sequences' tree goes stale.
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
      ]),
  });
