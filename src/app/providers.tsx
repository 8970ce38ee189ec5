import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToastContext } from '../ui/toast-context';
import { LazyToastRegion } from '../ui/lazy-toast-region';
import type { AppToastQueue } from '../ui/toast-queue';
// In the entry, not fetched beside it (about 1 KiB gzip): a lazily loaded component is only
// shown when React next reveals its boundary, which came up to two seconds after the first screen
// had drawn, and `/` pressed on a drawn page did nothing. Their list (`?`) still loads on demand.
import { KeyboardShortcuts } from './keyboard-shortcuts';

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
      <KeyboardShortcuts />
    </QueryClientProvider>
  );
}
