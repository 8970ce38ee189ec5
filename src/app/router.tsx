import type { QueryClient } from '@tanstack/react-query';
import { Navigate, createBrowserRouter, data, redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '../api/client';
import type { User } from '../contract/auth';
import { NUMERIC_ID } from '../contract/ids';
import { sessionQuery } from '../features/auth/api/get-session';
import { HOME_PATH, safeNextPath, signInPath } from '../features/auth/next-path';
import type { ContactPageData } from '../features/contacts/components/contact-page';
import type { ContactsPageData } from '../features/contacts/components/contacts-page';
import type { SequencePageData } from '../features/sequences/components/sequence-page';
import { AppErrorBoundary } from './app-error-boundary';
import { BootFallback } from './boot-fallback';
import { loadRouteModule } from '../ui/chunk-load-error';
import type { InboxesSettingsPageData } from './inboxes-settings-page';
import type { AttentionPageData } from './attention-page';
import type { MarketingEmailPageData } from './marketing-email-page';
import { NotFoundPage } from './not-found-page';
import { RouteErrorBoundary } from './route-error-boundary';
import { lazyPage } from './route-module';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** What the signed-in frame's route ('app') loads: pages read it with useRouteLoaderData('app'). */
export interface SignedInData {
  user: User;
}

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

/** Starts downloading a feature's loaders at once, so that it overlaps the session check. If
 * that check redirects to sign-in instead, a failed download goes unreported, not unhandled. */
function early<T>(load: () => Promise<T>): Promise<T> {
  const loading = loadRouteModule(load);
  loading.catch(() => {});
  return loading;
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
          // The signed-out frame comes with the page, both fetched at once: it holds the
          // landmark manager and the language and theme choices, which the entry can do without.
          lazy: { Component: lazyPage(() => import('./public-layout'), 'PublicLayout') },
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
                    Component: lazyPage(() => import('../features/auth/components/sign-in-page'), 'SignInPage'),
                  },
                },
                {
                  // An invite link: /invite#<token>. The token stays in the fragment, which the
                  // browser never sends, so no server log or Referer header ever holds it.
                  path: 'invite',
                  lazy: {
                    Component: lazyPage(() => import('../features/auth/components/accept-invite-page'), 'AcceptInvitePage'),
                  },
                },
              ],
            },
          ],
        },
        {
          id: 'app',
          // The signed-in frame is downloaded with the first signed-in page, not with sign-in.
          lazy: { Component: lazyPage(() => import('./layout'), 'Layout') },
          // The signed-in user, for pages that load their own data (useRouteLoaderData('app')).
          loader: async ({ request }: LoaderFunctionArgs): Promise<SignedInData> => ({
            user: await requireUser(queryClient, request),
          }),
          children: [
            {
              errorElement: <RouteErrorBoundary />,
              children: [
                {
                  path: 'sequences',
                  // The loaders live with the feature and are loaded with it, in its own chunk.
                  loader: async ({ request }: LoaderFunctionArgs) => {
                    const loaders = early(() => import('../features/sequences/route-loaders'));
                    await requireUser(queryClient, request);
                    const { loadSequences } = await loaders;
                    return loadSequences({ queryClient, request, rethrowIfRouteError });
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/sequences/components/sequences-page'), 'SequencesPage'),
                  },
                },
                {
                  path: 'sequences/:id',
                  loader: async ({ request, params }: LoaderFunctionArgs): Promise<SequencePageData> => {
                    const loaders = early(() => import('../features/sequences/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const id = requireId(params.id);
                    const { loadSequence } = await loaders;
                    return loadSequence({ queryClient, request, rethrowIfRouteError }, user, id);
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/sequences/components/sequence-page'), 'SequencePage'),
                  },
                },
                {
                  path: 'attention',
                  loader: async ({ request }: LoaderFunctionArgs): Promise<AttentionPageData> => {
                    const loaders = early(() => import('../features/attention/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const { loadAttention } = await loaders;
                    await loadAttention({ queryClient, request, rethrowIfRouteError });
                    return { user };
                  },
                  lazy: { Component: lazyPage(() => import('./attention-page'), 'AttentionPage') },
                },
                {
                  path: 'contacts',
                  loader: async ({ request }: LoaderFunctionArgs): Promise<ContactsPageData> => {
                    const loaders = early(() => import('../features/contacts/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const { loadContacts } = await loaders;
                    return loadContacts({ queryClient, rethrowIfRouteError }, user, request);
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/contacts/components/contacts-page'), 'ContactsPage'),
                  },
                },
                {
                  path: 'contacts/import',
                  loader: async ({ request }: LoaderFunctionArgs) => {
                    const loaders = early(() => import('../features/contacts/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const { loadImportContacts } = await loaders;
                    return loadImportContacts(user);
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/contacts/components/import-contacts-page'), 'ImportContactsPage'),
                  },
                },
                {
                  path: 'contacts/:id',
                  loader: async ({ request, params }: LoaderFunctionArgs): Promise<ContactPageData> => {
                    const loaders = early(() => import('../features/contacts/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const id = requireId(params.id);
                    const { loadContact } = await loaders;
                    return loadContact({ queryClient, rethrowIfRouteError }, user, id);
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/contacts/components/contact-page'), 'ContactPage'),
                  },
                },
                {
                  path: 'email-health',
                  // The loaders live with the feature and are loaded with it, in its own chunk.
                  loader: async ({ request }: LoaderFunctionArgs) => {
                    const loaders = early(() => import('../features/email-health/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const { loadEmailHealth } = await loaders;
                    return loadEmailHealth({ queryClient, request, user, rethrowIfRouteError });
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/email-health/components/email-health-page'), 'EmailHealthPage'),
                  },
                },
                {
                  path: 'email-health/not-sent/:reason',
                  loader: async ({ request, params }: LoaderFunctionArgs) => {
                    const loaders = early(() => import('../features/email-health/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const { loadNotSent } = await loaders;
                    return loadNotSent({ queryClient, request, user, rethrowIfRouteError }, params.reason);
                  },
                  lazy: {
                    Component: lazyPage(() => import('../features/email-health/components/not-sent-page'), 'NotSentPage'),
                  },
                },
                {
                  path: 'marketing-email',
                  loader: async ({ request }: LoaderFunctionArgs): Promise<MarketingEmailPageData> => {
                    const loaders = early(() => import('../features/probation/route-loaders'));
                    const user = await requireUser(queryClient, request);
                    const { loadMarketingEmail } = await loaders;
                    await loadMarketingEmail({ queryClient, rethrowIfRouteError });
                    return { user };
                  },
                  lazy: { Component: lazyPage(() => import('./marketing-email-page'), 'MarketingEmailPage') },
                },
                {
                  path: 'settings/users',
                  lazy: {
                    Component: lazyPage(() => import('../features/users/components/users-page'), 'UsersPage'),
                  },
                },
                {
                  path: 'settings/integrations',
                  lazy: {
                    Component: lazyPage(() => import('../features/integrations/components/integrations-page'), 'IntegrationsPage'),
                  },
                },
                {
                  path: 'settings/inboxes',
                  loader: async ({ request }): Promise<InboxesSettingsPageData> => ({ user: await requireUser(queryClient, request) }),
                  lazy: { Component: lazyPage(() => import('./inboxes-settings-page'), 'InboxesSettingsPage') },
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
