import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { marketingEmailsQuery } from './get-marketing-emails';
import { probationQuery } from './get-probation';

/** Sends a draft or scheduled marketing email now. Refused (409 account_suspended) while suspended. */
export function useSendMarketingEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.sendMarketingEmail, { params: { id } }),
    // The dialog shows the failure itself.
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: marketingEmailsQuery().queryKey }),
    // A refusal may mean the state changed meanwhile (a suspension): show the banner as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: probationQuery().queryKey }),
  });
}
