import './bulk-progress.css';
import { ProgressBar } from 'react-aria-components';

/** Above this many items, a bulk change shows that the work is under way. */
export const BULK_PROGRESS_THRESHOLD = 2000;

interface BulkProgressProps {
  /** The change is running. */
  isPending: boolean;
  /** How many items it changes. */
  count: number;
  /** What is under way, e.g. "Unenrolling 2,500 contacts…": the bar's name and its visible text. */
  label: string;
}

/** An indeterminate progress bar while a bulk change of more than BULK_PROGRESS_THRESHOLD items runs. */
export function BulkProgress({ isPending, count, label }: BulkProgressProps) {
  if (!isPending || count <= BULK_PROGRESS_THRESHOLD) return null;
  return (
    <ProgressBar isIndeterminate aria-label={label} className="progress-bar">
      <span className="progress-bar__label" aria-hidden="true">
        {label}
      </span>
      <span className="progress-bar__track">
        <span className="progress-bar__fill" />
      </span>
    </ProgressBar>
  );
}
