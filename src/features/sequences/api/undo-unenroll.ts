import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Undoes a bulk unenroll by its batch id: restores what nothing changed since. */
export const undoUnenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (batchId: string) =>
      request(api.undoUnenroll, { params: { id: batchId } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
