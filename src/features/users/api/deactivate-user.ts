import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { usersQuery } from './get-users';

/** Deactivates a person (their sessions end at once); refused (409) for the last active admin. */
export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.deactivateUser, { params: { id } }),
    meta: { errorToast: false },
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQuery().queryKey }),
  });
}
