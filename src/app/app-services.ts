import type { QueryClient } from '@tanstack/react-query';
import { errorMessageKey } from '../api/error-message-key';
import { createQueryClient } from '../api/query-client';
import { endSession } from '../features/auth/api/sign-out';
import { SIGN_IN_PATH, signInPath } from '../features/auth/next-path';
import { i18n } from '../i18n/i18n';
import { createToastQueue, type AppToastQueue } from '../ui/toast-queue';
import { createAppRouter, type AppRouter } from './router';

export interface AppServices {
  queryClient: QueryClient;
  router: AppRouter;
  toasts: AppToastQueue;
}

const ERROR_TOAST_MS = 10_000;

/** Everything one running app holds: the cache, the router, the toasts. Tests make a fresh set. */
export function createAppServices(options: { retry?: boolean } = {}): AppServices {
  const toasts = createToastQueue();
  let router: AppRouter | null = null;

  const queryClient = createQueryClient({
    retry: options.retry ?? true,
    // The single place that turns failures into toasts.
    onError: (error) => {
      toasts.add({ tone: 'error', title: i18n.t(errorMessageKey(error)) }, { timeout: ERROR_TOAST_MS });
    },
    onUnauthenticated: () => {
      endSession(queryClient);
      if (!router) return;
      const location = router.state.navigation.location ?? router.state.location;
      if (location.pathname !== SIGN_IN_PATH) void router.navigate(signInPath(location), { replace: true });
    },
  });

  router = createAppRouter(queryClient);
  return { queryClient, router, toasts };
}
