import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { rememberCsrfToken } from '../../../api/csrf';
import { api } from '../../../api/endpoints';
import { sessionQueryKey, signedOutSession } from './get-session';

export async function signOut(): Promise<void> {
  await request(api.signOut);
}

/** Forgets the user locally: the session and everything loaded for them. */
export function endSession(queryClient: QueryClient): void {
  rememberCsrfToken(null);
  queryClient.setQueryData(sessionQueryKey, signedOutSession);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => endSession(queryClient),
  });
}
