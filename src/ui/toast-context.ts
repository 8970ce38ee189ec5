import { createContext, useContext } from 'react';
import type { AppToastQueue } from './toast-queue';

/** The app's toast queue, for screens that confirm what they did (errors come from the
 * query client's caches, never from here). */
export const ToastContext = createContext<AppToastQueue | null>(null);

export function useToasts(): AppToastQueue {
  const queue = useContext(ToastContext);
  if (!queue) throw new Error('useToasts must be used inside the app providers');
  return queue;
}
