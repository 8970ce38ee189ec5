import { useTranslation } from 'react-i18next';
import type { EnrollmentStatus } from '../contract/codes';
import { StatusBadge, type StatusTone } from './status-badge';

const TONE: Record<EnrollmentStatus, StatusTone> = {
  active: 'success',
  paused: 'warning',
  finished: 'info',
  unenrolled: 'neutral',
  failed: 'danger',
};

/** An enrollment's status in words: Active, Paused, Finished, Unenrolled, Not enrolled. */
export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[status]}>{t(`enrollment.status.${status}`)}</StatusBadge>;
}
