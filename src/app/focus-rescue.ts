import { useEffect } from 'react';

/** Marks the element that takes the focus when the focused element leaves the page from
 * within the nearest container that holds one (e.g. a table's status line, when the rows
 * go after an unenroll). */
export const FOCUS_FALLBACK = 'data-focus-fallback';

function isFocusable(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && (element.hasAttribute('tabindex') || element.tagName === 'MAIN');
}

/** Where focus goes when `lost`'s ancestors `chain` (nearest first) lost it. */
export function rescueTarget(chain: readonly Element[]): HTMLElement | null {
  for (const ancestor of chain) {
    if (!ancestor.isConnected) continue;
    const fallback = ancestor.querySelector<HTMLElement>(`[${FOCUS_FALLBACK}]`);
    if (fallback) return fallback;
    if (isFocusable(ancestor)) return ancestor;
  }
  return document.querySelector('main');
}

/**
 * Never lets the keyboard fall back to the start of the page: when the focused element is
 * removed (rows that no longer match a filter, a bar whose buttons went with the selection),
 * focus moves to the nearest sensible place that is still there (see FOCUS_FALLBACK), else the
 * nearest focusable container, else the main landmark.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    let focused: Element | null = null;
    let chain: Element[] = [];
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Element)) return;
      focused = event.target;
      chain = [];
      for (let e = focused.parentElement; e && e !== document.body; e = e.parentElement) chain.push(e);
    };
    const isLost = () => {
      const active = document.activeElement;
      return !!focused && !focused.isConnected && (!active || active === document.body);
    };
    let scheduled = false;
    // Browsers drop the focus of a removed element without a focus event: watch removals.
    // Then wait two frames: a closing dialog puts the focus back on what opened it, and
    // screens that know better move it themselves, in the next frame.
    const observer = new MutationObserver(() => {
      if (scheduled || !isLost()) return;
      scheduled = true;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          scheduled = false;
          if (!isLost()) return;
          const target = rescueTarget(chain);
          focused = null;
          target?.focus({ preventScroll: true });
        }),
      );
    });
    document.addEventListener('focusin', onFocusIn, true);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn, true);
      observer.disconnect();
    };
  }, []);
}
