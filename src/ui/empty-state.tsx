import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

/** Nothing to show yet, or nothing matched: say which, and what to do about it. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children ? <div className="state__body">{children}</div> : null}
      {action ? <div className="state__actions">{action}</div> : null}
    </div>
  );
}

interface NoMatchStateProps {
  title: string;
  body: string;
  /** The button's text: clear the search or the filters. */
  clearLabel: string;
  onClear: () => void;
}

/** Nothing matched the search or the filters: say so, and offer to clear them. */
export function NoMatchState({ title, body, clearLabel, onClear }: NoMatchStateProps) {
  return (
    <EmptyState
      title={title}
      action={
        <button type="button" className="button" onClick={onClear}>
          {clearLabel}
        </button>
      }
    >
      <p>{body}</p>
    </EmptyState>
  );
}
