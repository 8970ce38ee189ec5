import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { UndoResult } from '../../../contract/enrollments';

/** Undoes a bulk unenroll by its batch id: restores what nothing changed since. */
export const undoUnenrollMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (batchId: string) =>
      apiRequest(`/api/unenroll-batches/${encodeURIComponent(batchId)}/undo`, UndoResult, { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
