import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="status-page">
      <p className="status-page__code" aria-hidden="true">
        404
      </p>
      <PageHeader title={t('errors.notFoundTitle')} description={<p>{t('errors.notFoundBody')}</p>} />
      <Link to="/sequences" className="button button--primary">
        {t('errors.goToSequences')}
      </Link>
    </div>
  );
}
