import type { ComponentType } from 'react';
import { loadRouteModule } from '../ui/chunk-load-error';
import { ErrorPage } from './error-page';

/** A route's page, downloaded when the route is first visited. Should that fail, the route
 * shows the error page in its place: thrown, the failure would be lost on a route without a
 * loader, which the router renders blank. */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): () => Promise<M[K] | ComponentType> {
  return async () => {
    try {
      return (await loadRouteModule(load))[name];
    } catch (error) {
      return function PageNotLoaded() {
        return <ErrorPage error={error} />;
      };
    }
  };
}
