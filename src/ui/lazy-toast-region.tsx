import { Component, lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ToastRegionProps } from './toast-region';

const loadRegion = () => import('./toast-region');
const ToastRegion = lazy(async () => ({ default: (await loadRegion()).AppToastRegion }));

/**
 * The toast region, kept out of the app's first download: it brings most of react-aria with
 * it, and the region shows nothing until a toast arrives. Its code is fetched once the page
 * is idle, so a toast later on appears at once (and even offline); the region is mounted with
 * the first toast.
 */
export function LazyToastRegion(props: ToastRegionProps) {
  const { queue } = props;
  const subscribe = useCallback((onChange: () => void) => queue.subscribe(onChange), [queue]);
  const hasToasts = useSyncExternalStore(subscribe, () => queue.visibleToasts.length > 0);
  const [mounted, setMounted] = useState(false);
  if (hasToasts && !mounted) setMounted(true);

  useEffect(() => {
    const prefetch = () => void loadRegion().catch(() => {});
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(prefetch, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(prefetch, 2000);
    return () => clearTimeout(id);
  }, []);

  if (!mounted) return null;
  return (
    <QuietBoundary>
      <Suspense fallback={null}>
        <ToastRegion {...props} />
      </Suspense>
    </QuietBoundary>
  );
}

/** Should the region's code fail to download, the app goes on without toasts rather than
 * failing as a whole (each screen shows its own errors as well). */
class QuietBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
