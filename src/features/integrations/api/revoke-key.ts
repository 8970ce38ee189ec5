import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { keysQuery } from './get-keys';

/** Revokes a key: requests with it are refused from now on. */
export function useRevokeKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.revokeApiKey, { params: { id } }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysQuery().queryKey }),
  });
}
