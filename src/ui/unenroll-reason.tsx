import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../contract/enrollments';

/** Why an enrollment ended, in words; a hand-made unenrollment names who made it. */
export function UnenrollReason({ enrollment }: { enrollment: Pick<Enrollment, 'unenrollReason' | 'unenrolledBy'> }) {
  const { t } = useTranslation();
  const { unenrollReason: reason, unenrolledBy: by } = enrollment;
  if (!reason) return null;
  if (reason === 'MANUAL' || reason === 'BULK') {
    return <>{by ? t('enrollment.reason.manualBy', { name: by.name }) : t('enrollment.reason.manual')}</>;
  }
  return <>{t(`enrollment.reason.${reason}`)}</>;
}
