import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { useEffect, useSyncExternalStore } from 'react';
import type { AppToastQueue } from './toast-queue';
import { AppLocale } from './app-locale';
import { CloseIcon } from './close-icon';

export interface ToastRegionProps {
  queue: AppToastQueue;
  /** Names the landmark (F6 moves focus to it). */
  label: string;
  closeLabel: string;
}

/** Where toasts appear: a labelled landmark whose toasts screen readers announce. */
export function AppToastRegion({ queue, label, closeLabel }: ToastRegionProps) {
  // The region renders nothing without toasts, and registers as a landmark only when it mounts
  // with an element: mounted afresh when the first toast comes, so that F6 reaches it.
  const hasToasts = useSyncExternalStore(
    (onChange) => queue.subscribe(onChange),
    () => queue.visibleToasts.length > 0,
  );
  // F6 focuses the region itself: hand the focus on to the newest toast, so that its action
  // (e.g. Undo) is the next Tab away.
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && target.classList.contains('toast-region')) {
        target.querySelector<HTMLElement>('.toast')?.focus();
      }
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  return (
    <AppLocale>
      <ToastRegion key={String(hasToasts)} queue={queue} className="toast-region" aria-label={label}>
        {({ toast }) => (
          <Toast toast={toast} className={`toast toast--${toast.content.tone}`}>
            <ToastContent className="toast__content">
              <Text slot="title" className="toast__title">
                {toast.content.title}
              </Text>
              {toast.content.description ? (
                <Text slot="description" className="toast__description">
                  {toast.content.description}
                </Text>
              ) : null}
            </ToastContent>
            {toast.content.action ? (
              <Button
                className="button button--small toast__action"
                onPress={() => {
                  toast.content.action?.onAction();
                  queue.close(toast.key);
                }}
              >
                {toast.content.action.label}
              </Button>
            ) : null}
            <Button slot="close" className="toast__close" aria-label={closeLabel}>
              <CloseIcon />
            </Button>
          </Toast>
        )}
      </ToastRegion>
    </AppLocale>
  );
}
