import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { csrfToken, rememberCsrfToken } from '../../../api/csrf';
import { api } from '../../../api/endpoints';
import { SIGN_IN_CSRF, startSession } from './sign-in';

/** Sets the password with an invite token (sent in the body, never in a URL) and signs in. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) => {
      const session = await request(api.acceptInvite, { body, csrfToken: csrfToken() ?? SIGN_IN_CSRF });
      rememberCsrfToken(session.csrfToken);
      return session;
    },
    onSuccess: (session) => startSession(queryClient, session),
    // The page shows its own failures next to the form.
    meta: { errorToast: false },
  });
}
