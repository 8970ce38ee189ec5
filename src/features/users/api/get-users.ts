import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Everyone in the account, with role, state and last sign-in (admins). */
export const usersQuery = () =>
  queryOptions({
    queryKey: ['users'] as const,
    queryFn: ({ signal }) => request(api.listUsers, { signal }),
  });
