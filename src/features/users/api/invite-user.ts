import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { Role } from '../../../contract/auth';
import { usersQuery } from './get-users';

/** Invites a person by address (new, or without a password yet): answers the one-time token. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: Role }) => request(api.inviteUser, { body }),
    // The dialog shows the failure next to the form.
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery().queryKey }),
  });
}
