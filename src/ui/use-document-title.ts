import { useLayoutEffect } from 'react';
import { PRODUCT_NAME } from './product-name';

/**
 * Names the browser tab after the page, so tabs, history and screen readers can tell pages apart.
 * Set in the same commit that draws the page (a layout effect), never a moment after it: with a
 * passive effect the tab could still name the previous page while the new one showed, which a
 * test once caught ("Sequences" in the tab over the not-found page).
 */
export function useDocumentTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = `${title} · ${PRODUCT_NAME}`;
  }, [title]);
}
