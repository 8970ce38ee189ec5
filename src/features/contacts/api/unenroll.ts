import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Unenrolls the contact from one sequence; refreshes the record and the sequences' figures. */
export const unenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (enrollmentId: string) =>
      request(api.unenroll, { params: { id: enrollmentId } }),
    onSuccess: (e) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contacts', e.contact.id] }),
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
      ]),
  });
