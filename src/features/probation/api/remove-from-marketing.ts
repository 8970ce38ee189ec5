import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { RemoveFromMarketingResult, type RemoveFromMarketingRequest } from '../../../contract/probation';
import { reviewProgressQuery } from './get-review-progress';

/** Makes contacts non-marketing contacts; the list and its counts are read again afterwards. */
export function useRemoveFromMarketing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RemoveFromMarketingRequest) =>
      apiRequest('/api/probation/review/remove', RemoveFromMarketingResult, { method: 'POST', body }),
    // The confirm dialog shows the failure itself.
    meta: { errorToast: false },
    onSuccess: async (result) => {
      queryClient.setQueryData(reviewProgressQuery().queryKey, result.progress);
      await queryClient.invalidateQueries({ queryKey: ['probation', 'review', 'contacts'] });
    },
  });
}
