import type { QueryClient } from '@tanstack/react-query';
import { Navigate, createBrowserRouter, data, redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '../api/client';
import type { User } from '../contract/auth';
import { NUMERIC_ID } from '../contract/common';
import { sessionQuery } from '../features/auth/api/get-session';
import { HOME_PATH, safeNextPath, signInPath } from '../features/auth/next-path';
import { contactQuery } from '../features/contacts/api/get-contact';
import type { ContactPageData } from '../features/contacts/components/contact-page';
import { enrollmentCountQuery, enrollmentsQuery } from '../features/sequences/api/get-enrollments';
import { sequenceQuery } from '../features/sequences/api/get-sequence';
import { sequencesQuery } from '../features/sequences/api/get-sequences';
import type { SequencePageData } from '../features/sequences/components/sequence-page';
import { readSequenceSearch } from '../features/sequences/enrollments-search';
import { readSequencesSearch } from '../features/sequences/sequences-search';
import { marketingEmailsQuery } from '../features/probation/api/get-marketing-emails';
import { probationQuery } from '../features/probation/api/get-probation';
import { AppErrorBoundary } from './app-error-boundary';
import { BootFallback } from './boot-fallback';
import { Layout } from './layout';
import type { MarketingEmailPageData } from './marketing-email-page';
import { NotFoundPage } from './not-found-page';
import { PublicLayout } from './public-layout';
import { RouteErrorBoundary } from './route-error-boundary';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** The app's place on its host: `/` but for a demo built under another base (DEMO_BASE). */
const BASENAME = import.meta.env.BASE_URL.replace(/\/+$/, '') || undefined;

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

/** Our ids are positive integers: anything else cannot name a record, so it is not found. */
function requireId(id: string | undefined): string {
  if (!id || !NUMERIC_ID.test(id)) throw data(null, { status: 404 });
  return id;
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
                  loader: async ({ request, params }: LoaderFunctionArgs): Promise<SequencePageData> => {
                    const user = await requireUser(queryClient, request);
                    const id = requireId(params.id);
                    const { tab, scheduled: _scheduled, ...view } = readSequenceSearch(new URL(request.url).searchParams);
                    if (tab === 'enrollments') {
                      // Started alongside the header's request, not after it; the page reads them.
                      void queryClient.prefetchInfiniteQuery(enrollmentsQuery(id, view));
                      void queryClient.prefetchQuery(enrollmentCountQuery(id, view.filter));
                    }
                    await queryClient.ensureQueryData(sequenceQuery(id)).catch(rethrowIfRouteError);
                    return { user };
                  },
                  lazy: {
                    Component: async () =>
                      (await import('../features/sequences/components/sequence-page')).SequencePage,
                  },
                },
                {
                  path: 'contacts/:id',
                  loader: async ({ request, params }: LoaderFunctionArgs): Promise<ContactPageData> => {
                    const user = await requireUser(queryClient, request);
                    const id = requireId(params.id);
                    await queryClient.ensureQueryData(contactQuery(id)).catch(rethrowIfRouteError);
                    return { user };
                  },
                  lazy: {
                    Component: async () => (await import('../features/contacts/components/contact-page')).ContactPage,
                  },
                },
                {
                  path: 'email-health',
                  // The loaders live with the feature and are loaded with it, in its own chunk.
                  loader: async ({ request }: LoaderFunctionArgs) => {
                    const user = await requireUser(queryClient, request);
                    const { loadEmailHealth } = await import('../features/email-health/route-loaders');
                    return loadEmailHealth({ queryClient, request, user, rethrowIfRouteError });
                  },
                  lazy: {
                    Component: async () =>
                      (await import('../features/email-health/components/email-health-page')).EmailHealthPage,
                  },
                },
                {
                  path: 'email-health/not-sent/:reason',
                  loader: async ({ request, params }: LoaderFunctionArgs) => {
                    const user = await requireUser(queryClient, request);
                    const { loadNotSent } = await import('../features/email-health/route-loaders');
                    return loadNotSent({ queryClient, request, user, rethrowIfRouteError }, params.reason);
                  },
                  lazy: {
                    Component: async () => (await import('../features/email-health/components/not-sent-page')).NotSentPage,
                  },
                },
                {
                  path: 'marketing-email',
                  loader: async ({ request }: LoaderFunctionArgs): Promise<MarketingEmailPageData> => {
                    const user = await requireUser(queryClient, request);
                    // Both sections show their own failures with a retry.
                    await Promise.all([
                      queryClient.ensureQueryData(probationQuery()).catch(rethrowIfRouteError),
                      queryClient.ensureInfiniteQueryData(marketingEmailsQuery()).catch(rethrowIfRouteError),
                    ]);
                    return { user };
                  },
                  lazy: { Component: async () => (await import('./marketing-email-page')).MarketingEmailPage },
                },
                {
                  path: 'settings/inboxes',
                  lazy: {
                    Component: async () => (await import('../features/inboxes/components/inboxes-page')).InboxesPage,
                  },
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ], { basename: BASENAME });
}
