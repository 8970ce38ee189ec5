import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { KeyScope } from '../../../contract/routes';
import { keysQuery } from './get-keys';

/** Creates a key; the answer carries the key itself, the only time it is shown. */
export function useCreateKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: KeyScope }) => request(api.createApiKey, { body }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysQuery().queryKey }),
  });
}
