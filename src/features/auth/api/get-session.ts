import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { rememberCsrfToken } from '../../../api/csrf';
import { api } from '../../../api/endpoints';
import type { SessionResponse } from '../../../contract/auth';

export const sessionQueryKey = ['session'] as const;

export const signedOutSession: SessionResponse = { user: null, csrfToken: null };

export async function getSession(signal?: AbortSignal): Promise<SessionResponse> {
  const session = await request(api.getSession, { signal });
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user (or null). It changes only through sign-in, sign-out or a 401, which
 * all write the cache, so it never goes stale by itself. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Infinity,
  });
