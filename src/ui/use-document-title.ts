import { useEffect } from 'react';
import { PRODUCT_NAME } from './product-name';

/** Names the browser tab after the page, so tabs, history and screen readers can tell pages apart. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${PRODUCT_NAME}`;
  }, [title]);
}
