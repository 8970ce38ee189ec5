import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { SaveReviewProgressRequest } from '../../../contract/probation';
import { reviewProgressQuery } from './get-review-progress';

/** Saves the review's step and filter. The wizard moves on only once the server has it. */
export function useSaveReviewProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReviewProgressRequest) => request(api.saveReviewProgress, { body }),
    // The wizard shows the failure with a retry.
    meta: { errorToast: false },
    onSuccess: (progress) => queryClient.setQueryData(reviewProgressQuery().queryKey, progress),
  });
}
