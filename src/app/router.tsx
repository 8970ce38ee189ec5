import type { QueryClient } from '@tanstack/react-query';
import { Navigate, createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '../api/client';
import type { User } from '../contract/auth';
import { sessionQuery } from '../features/auth/api/get-session';
import { HOME_PATH, safeNextPath, signInPath } from '../features/auth/next-path';
import { sequencesQuery } from '../features/sequences/api/get-sequences';
import { readSequencesSearch } from '../features/sequences/sequences-search';
import { AppErrorBoundary } from './app-error-boundary';
import { BootFallback } from './boot-fallback';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { PublicLayout } from './public-layout';
import { RouteErrorBoundary } from './route-error-boundary';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** Signed-out visitors go to sign-in, which brings them back here afterwards. */
async function requireUser(queryClient: QueryClient, request: Request): Promise<User> {
  const { user } = await queryClient.ensureQueryData(sessionQuery());
  if (!user) throw redirect(signInPath(new URL(request.url)));
  return user;
}

/** Errors a page shows itself (with its search box and a retry) are swallowed here; the
 * ones the route error boundary maps to a screen (401, 403, 404) go on to it. */
function rethrowIfRouteError(error: unknown): void {
  if (isApiError(error) && [401, 403, 404].includes(error.status)) throw error;
}

export function createAppRouter(queryClient: QueryClient): AppRouter {
  return createBrowserRouter([
    {
      id: 'root',
      errorElement: <AppErrorBoundary />,
      hydrateFallbackElement: <BootFallback />,
      children: [
        { index: true, element: <Navigate to={HOME_PATH} replace /> },
        {
          element: <PublicLayout />,
          children: [
            {
              errorElement: <RouteErrorBoundary />,
              children: [
                {
                  path: 'sign-in',
                  loader: async ({ request }: LoaderFunctionArgs) => {
                    const { user } = await queryClient.ensureQueryData(sessionQuery());
                    if (user) throw redirect(safeNextPath(new URL(request.url).searchParams));
                    return null;
                  },
                  lazy: {
                    Component: async () => (await import('../features/auth/components/sign-in-page')).SignInPage,
                  },
                },
              ],
            },
          ],
        },
        {
          id: 'app',
          element: <Layout />,
          loader: async ({ request }: LoaderFunctionArgs) => {
            await requireUser(queryClient, request);
            return null;
          },
          children: [
            {
              errorElement: <RouteErrorBoundary />,
              children: [
                {
                  path: 'sequences',
                  loader: async ({ request }: LoaderFunctionArgs) => {
                    await requireUser(queryClient, request);
                    const search = readSequencesSearch(new URL(request.url).searchParams);
                    await queryClient.ensureQueryData(sequencesQuery(search)).catch(rethrowIfRouteError);
                    return null;
                  },
                  lazy: {
                    Component: async () =>
                      (await import('../features/sequences/components/sequences-page')).SequencesPage,
                  },
                },
                {
                  path: 'sequences/:id',
                  lazy: {
                    Component: async () =>
                      (await import('../features/sequences/components/sequence-page')).SequencePage,
                  },
                },
                {
                  path: 'contacts/:id',
                  lazy: { Component: async () => (await import('./contact-page')).ContactPage },
                },
                {
                  path: 'email-health',
                  lazy: { Component: async () => (await import('./email-health-page')).EmailHealthPage },
                },
                {
                  path: 'marketing-email',
                  lazy: { Component: async () => (await import('./marketing-email-page')).MarketingEmailPage },
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
