import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComingSoon } from '../ui/coming-soon';

/** Placeholder until the contact record (enrollments, sending problems) is built. */
export function ContactPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('contact.title')}
      badge={t('common.comingSoon')}
      body={t('contact.comingSoon')}
      eyebrow={
        <Link to="/sequences" className="back-link">
          <span aria-hidden="true">← </span>
          {t('contact.back')}
        </Link>
      }
    />
  );
}
