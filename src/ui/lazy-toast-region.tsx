import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as ToastRegionModule from './toast-region';
import type { ToastRegionProps } from './toast-region';

type RegionModule = typeof ToastRegionModule;

let loaded: RegionModule | undefined;
let loading: Promise<RegionModule> | undefined;

/** Fetches the region's code once; a failed download may be tried again later. */
function loadRegion(): Promise<RegionModule> {
  loading ??= import('./toast-region').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The toast region, kept out of the app's first download: it brings most of react-aria with
 * it, and the region shows nothing until a toast arrives. Its code is fetched as soon as the
 * browser is idle after the first paint, so a toast appears at once when it comes (and even
 * offline); should it come first, the region follows as soon as its code is in. Without the
 * code, the app goes on without toasts: each screen shows its own errors as well.
 */
export function LazyToastRegion(props: ToastRegionProps) {
  const { queue } = props;
  const subscribe = useCallback((onChange: () => void) => queue.subscribe(onChange), [queue]);
  const hasToasts = useSyncExternalStore(subscribe, () => queue.visibleToasts.length > 0);
  const [region, setRegion] = useState(loaded);

  useEffect(() => {
    if (region) return;
    let active = true;
    const fetchRegion = () =>
      loadRegion().then(
        (module) => active && setRegion(module),
        () => {},
      );
    if (hasToasts) {
      void fetchRegion();
      return () => void (active = false);
    }
    // Idle after the first paint (jsdom and older Safari have no requestIdleCallback).
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => void fetchRegion(), { timeout: 2000 });
      return () => {
        active = false;
        cancelIdleCallback(id);
      };
    }
    const id = setTimeout(() => void fetchRegion(), 0);
    return () => {
      active = false;
      clearTimeout(id);
    };
  }, [region, hasToasts]);

  return region ? <region.AppToastRegion {...props} /> : null;
}
