import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { ReviewProgress, type SaveReviewProgressRequest } from '../../../contract/probation';
import { reviewProgressQuery } from './get-review-progress';

/** Saves the review's step and filter. The wizard moves on only once the server has it. */
export function useSaveReviewProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReviewProgressRequest) =>
      apiRequest('/api/probation/review', ReviewProgress, { method: 'PUT', body }),
    // The wizard shows the failure with a retry.
    meta: { errorToast: false },
    onSuccess: (progress) => queryClient.setQueryData(reviewProgressQuery().queryKey, progress),
  });
}
