import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComingSoon } from '../../../ui/coming-soon';

/** Placeholder until the sequence summary (enrollments, scheduled steps) is built. */
export function SequencePage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('sequence.title')}
      badge={t('common.comingSoon')}
      body={t('sequence.comingSoon')}
      eyebrow={
        <Link to="/sequences" className="back-link">
          <span aria-hidden="true">← </span>
          {t('sequence.back')}
        </Link>
      }
    />
  );
}
