import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { probationQuery } from './get-probation';

/** Completes the review: the account is no longer under watch. */
export function useCompleteReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmed: boolean) => request(api.completeReview, { body: { confirmed } }),
    // The wizard shows the failure itself.
    meta: { errorToast: false },
    onSuccess: async (probation) => {
      queryClient.setQueryData(probationQuery().queryKey, probation);
      queryClient.removeQueries({ queryKey: ['probation', 'review'] });
      // The email health view shows the same state.
      await queryClient.invalidateQueries({ queryKey: ['email-health'] });
    },
  });
}
