import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { csrfToken, rememberCsrfToken } from '../../../api/csrf';
import { api } from '../../../api/endpoints';
import type { SessionResponse, SignInRequest } from '../../../contract/auth';
import { sessionQueryKey } from './get-session';

/** Before a session exists there is no token to echo; the API then wants this literal. */
export const SIGN_IN_CSRF = 'sign-in';

export async function signIn(credentials: SignInRequest): Promise<SessionResponse> {
  const session = await request(api.signIn, { body: credentials, csrfToken: csrfToken() ?? SIGN_IN_CSRF });
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** Whatever another user left in the cache must not be shown to this one. */
export function startSession(queryClient: QueryClient, session: SessionResponse): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, session);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => startSession(queryClient, session),
    // The sign-in form shows its own failures next to the fields.
    meta: { errorToast: false },
  });
}
