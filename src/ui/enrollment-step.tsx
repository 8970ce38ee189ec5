import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../contract/enrollments';

/** Where an enrollment stands ("2 of 5"); a contact that was never enrolled has no step. */
export function EnrollmentStep({ enrollment: e }: { enrollment: Pick<Enrollment, 'status' | 'currentStep' | 'totalSteps'> }) {
  const { t } = useTranslation();
  if (e.status === 'failed') {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('enrollments.notStarted')}</span>
      </>
    );
  }
  return <>{t('enrollments.stepOf', { step: e.currentStep, total: e.totalSteps })}</>;
}
