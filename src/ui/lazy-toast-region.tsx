import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as ToastRegionModule from './toast-region';
import type { ToastRegionProps } from './toast-region';

type RegionModule = typeof ToastRegionModule;

let loaded: RegionModule | undefined;
let loading: Promise<RegionModule> | undefined;
const listeners = new Set<() => void>();

/** Fetches the region's code once; a failed download may be tried again later. */
function loadRegion(): Promise<RegionModule> {
  loading ??= import('./toast-region').then(
    (module) => {
      loaded = module;
      for (const listener of listeners) listener();
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function subscribeLoaded(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => void listeners.delete(onChange);
}

/**
 * Fetches the toast region's code when the browser is next idle, so that a toast shows at once
 * when it comes (even offline). The signed-in frame asks for it: toasts follow what people do
 * in the app, and the sign-in page, which raises none, stays free of the region's weight (most
 * of react-aria and the first use of `Intl`). Returns a function that cancels the request.
 */
export function prefetchToastRegion(): () => void {
  if (loaded) return () => {};
  const fetchRegion = () => void loadRegion().catch(() => {});
  // jsdom and older Safari have no requestIdleCallback.
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fetchRegion, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fetchRegion, 0);
  return () => clearTimeout(id);
}

/**
 * The toast region, kept out of the app's first download: it brings most of react-aria with
 * it, and the region shows nothing until a toast arrives. Its code comes when the signed-in
 * frame asks for it (`prefetchToastRegion`) or when a toast arrives first, whichever is sooner.
 * Without the code, the app goes on without toasts: each screen shows its own errors as well.
 */
export function LazyToastRegion(props: ToastRegionProps) {
  const { queue } = props;
  const subscribe = useCallback((onChange: () => void) => queue.subscribe(onChange), [queue]);
  const hasToasts = useSyncExternalStore(subscribe, () => queue.visibleToasts.length > 0);
  const region = useSyncExternalStore(subscribeLoaded, () => loaded);

  useEffect(() => {
    if (!region && hasToasts) void loadRegion().catch(() => {});
  }, [region, hasToasts]);

  return region ? <region.AppToastRegion {...props} /> : null;
}
