import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../../../contract/enrollments';
import { formatDate } from '../../../i18n/format';

/** The current step's send state when nothing went wrong: when it goes out, or why it won't. */
export function EmailState({ enrollment: e }: { enrollment: Enrollment }) {
  const { t } = useTranslation();
  if (e.status !== 'active') return <span className="text-muted">{t(`enrollments.email.${e.status}`)}</span>;
  if (!e.nextStepAt) return <span>{t('enrollments.email.sending')}</span>;
  return (
    <>
      <span className="email-state__label">{t('enrollments.email.due')}</span>
      <time className="cell__secondary" dateTime={e.nextStepAt}>
        {formatDate(e.nextStepAt, { withTime: true })}
      </time>
    </>
  );
}
