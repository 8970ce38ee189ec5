import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { invalidateAfterFix } from './fix-group';

/** Undoes a remedy by its batch id: restores what nothing changed since (the bulk unenroll's Undo). */
export const undoFixMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (batchId: string) => request(api.undoUnenroll, { params: { id: batchId } }),
    onSuccess: () => invalidateAfterFix(queryClient),
  });
