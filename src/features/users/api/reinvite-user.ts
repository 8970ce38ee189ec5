import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { usersQuery } from './get-users';

/** A new invite link for a person without a password; their earlier link stops working. A
 * failure is told by the app's error toast. */
export function useReinviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.reinviteUser, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery().queryKey }),
  });
}
