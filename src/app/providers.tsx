import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToastContext } from '../ui/toast-context';
import { LazyToastRegion } from '../ui/lazy-toast-region';
import type { AppToastQueue } from '../ui/toast-queue';

// The shortcuts (F6, /, ?) wait for the first screen: they are fetched right after it, so the
// entry download stays within its budget; until then the browser's own keys work as ever.
const KeyboardShortcuts = lazy(() => import('./keyboard-shortcuts').then((m) => ({ default: m.KeyboardShortcuts })));

interface ProvidersProps {
  queryClient: QueryClient;
  toasts: AppToastQueue;
  children: ReactNode;
}

/** Server state and toasts. react-aria gets the language from AppLocale, in the parts that use it. */
export function Providers({ queryClient, toasts, children }: ProvidersProps) {
  const { t } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>{children}</ToastContext>
      <LazyToastRegion queue={toasts} label={t('common.notifications')} closeLabel={t('common.close')} />
      <Suspense fallback={null}>
        <KeyboardShortcuts />
      </Suspense>
    </QueryClientProvider>
  );
}
