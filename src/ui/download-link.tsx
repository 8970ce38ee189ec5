import type { MouseEvent, ReactNode } from 'react';
import { attachmentName } from './attachment-name';
import { useToasts } from './toast-context';

interface DownloadLinkProps {
  href: string;
  className?: string;
  /** Toast title when the download fails (demo only: the browser reports its own failures). */
  failedMessage: string;
  children: ReactNode;
}


/**
 * A plain download link: the browser streams the file from the server. In the demo the API
 * lives in a service worker, which never sees downloads started by a link, so there the file
 * is fetched (through the worker) and handed to the browser as a blob.
 */
export function DownloadLink({ href, className, failedMessage, children }: DownloadLinkProps) {
  const toasts = useToasts();

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return;
    event.preventDefault();
    void (async () => {
      try {
        const response = await fetch(href, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const url = URL.createObjectURL(await response.blob());
        const link = document.createElement('a');
        link.href = url;
        link.download = attachmentName(response.headers.get('Content-Disposition')) ?? 'download';
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch {
        toasts.add({ tone: 'error', title: failedMessage }, { timeout: 10_000 });
      }
    })();
  };

  return (
    <a className={className} href={href} download onClick={onClick}>
      {children}
    </a>
  );
}
