import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div className="status-page">
      <p className="status-page__code" aria-hidden="true">
        403
      </p>
      <PageHeader title={t('errors.forbiddenTitle')} description={<p>{t('errors.forbiddenBody')}</p>} />
      <Link to="/sequences" className="button button--primary">
        {t('errors.goToSequences')}
      </Link>
    </div>
  );
}
