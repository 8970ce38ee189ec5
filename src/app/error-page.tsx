import { isRouteErrorResponse } from 'react-router';
import { isApiError } from '../api/client';
import { ForbiddenPage } from './forbidden-page';
import { NotFoundPage } from './not-found-page';
import { SignInRedirect } from './sign-in-redirect';
import { UnexpectedErrorPage } from './unexpected-error-page';

function statusOf(error: unknown): number | undefined {
  if (isRouteErrorResponse(error)) return error.status;
  if (isApiError(error)) return error.status;
  return undefined;
}

/** One map from a failure to what the user sees: 401 → sign in, 403 and 404 → their pages,
 * anything else → what went wrong, with a retry. */
export function ErrorPage({ error }: { error: unknown }) {
  const status = statusOf(error);
  if (status === 401) return <SignInRedirect />;
  if (status === 403) return <ForbiddenPage />;
  if (status === 404) return <NotFoundPage />;
  return <UnexpectedErrorPage error={error} />;
}
