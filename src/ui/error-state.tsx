import type { ReactNode } from 'react';

interface ErrorStateProps {
  title: string;
  message?: ReactNode;
  /** Shown small, for support: the request id of the failed call. */
  reference?: string;
  retryLabel?: string;
  onRetry?: () => void;
  isRetrying?: boolean;
  /** Page-level errors are the page's h1; errors inside a page use h2. */
  headingLevel?: 1 | 2;
  children?: ReactNode;
}

/** Something failed: what, and a way to try again. Announced as an alert. */
export function ErrorState({
  title,
  message,
  reference,
  retryLabel,
  onRetry,
  isRetrying = false,
  headingLevel = 2,
  children,
}: ErrorStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="state state--error">
      <div role="alert">
        <Heading className="state__title">{title}</Heading>
        {message ? <p className="state__body">{message}</p> : null}
      </div>
      {reference ? <p className="state__reference">{reference}</p> : null}
      <div className="state__actions">
        {onRetry && retryLabel ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              if (!isRetrying) onRetry();
            }}
            aria-disabled={isRetrying || undefined}
          >
            {retryLabel}
          </button>
        ) : null}
        {children}
      </div>
    </div>
  );
}
