import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';

export interface AppToast {
  title: string;
  description?: string;
  tone: 'error' | 'success' | 'info';
  /** One button that acts on what the toast reports (e.g. Undo); pressing it closes the toast. */
  action?: { label: string; onAction: () => void };
}

export type AppToastQueue = ToastQueue<AppToast>;

/** One queue per app instance; anything (even outside React) can add to it. */
export function createToastQueue(): AppToastQueue {
  return new ToastQueue<AppToast>({ maxVisibleToasts: 3 });
}
