import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { Industry } from '../../../contract/email-health';
import { accountQuery } from './get-account';

/** Sets the account's industry (admins). The thresholds and the benchmark follow it, so the
 * health figures are refetched before the form reports success. */
export function useUpdateIndustry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (industry: Industry) => request(api.updateAccountIndustry, { body: { industry } }),
    // The form shows the failure itself.
    meta: { errorToast: false },
    onSuccess: async (account) => {
      queryClient.setQueryData(accountQuery().queryKey, account);
      await queryClient.invalidateQueries({ queryKey: ['email-health'] });
    },
  });
}
