import { useRouteError } from 'react-router';
import { ErrorPage } from './error-page';

/** A page failed: the layout around it stays, so the user can go elsewhere. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage error={error} />;
}
