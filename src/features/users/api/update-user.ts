import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { Role } from '../../../contract/auth';
import { usersQuery } from './get-users';

/** Changes a person's role; refused (409) for the last active admin. */
export function useUpdateUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => request(api.updateUser, { params: { id }, body: { role } }),
    meta: { errorToast: false },
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQuery().queryKey }),
  });
}
