import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Undoes a Spread: every moved send that nothing changed since goes back to its time. */
export const undoSpreadMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: (spreadId: string) => request(api.undoSpread, { params: { id: spreadId } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['send-forecast'] }),
        queryClient.invalidateQueries({ queryKey: ['sequences'] }),
      ]),
  });
