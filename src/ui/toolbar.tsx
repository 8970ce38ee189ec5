import type { ReactNode } from 'react';

interface ToolbarProps {
  /** Classes besides `toolbar`. */
  className?: string;
  /** What the live region says: the count, or that the list is updating. */
  status: ReactNode;
  children?: ReactNode;
}

/** A list's toolbar: its controls, then the live region (role=status) that announces the list's
 * count or that it is updating, where every list puts it. */
export function Toolbar({ className, status, children }: ToolbarProps) {
  return (
    <div className={className ? `toolbar ${className}` : 'toolbar'}>
      {children}
      <p className="toolbar__status" role="status">
        {status}
      </p>
    </div>
  );
}
