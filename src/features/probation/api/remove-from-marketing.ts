import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { RemoveFromMarketingRequest } from '../../../contract/probation';
import { reviewProgressQuery } from './get-review-progress';

/** Makes contacts non-marketing contacts; the list and its counts are read again afterwards. */
export function useRemoveFromMarketing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RemoveFromMarketingRequest) => request(api.removeFromMarketing, { body }),
    // The confirm dialog shows the failure itself.
    meta: { errorToast: false },
    onSuccess: async (result) => {
      queryClient.setQueryData(reviewProgressQuery().queryKey, result.progress);
      await queryClient.invalidateQueries({ queryKey: ['probation', 'review', 'contacts'] });
    },
  });
}
