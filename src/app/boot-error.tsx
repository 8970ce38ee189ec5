import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ui/error-state';
import { useDocumentTitle } from '../ui/use-document-title';

/** The app could not start (demo mode: the in-page API failed to open). */
export function BootError() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.genericTitle'));
  return (
    <main id="main" className="main main--narrow">
      <ErrorState
        headingLevel={1}
        title={t('errors.genericTitle')}
        message={t('errors.genericBody')}
        retryLabel={t('common.tryAgain')}
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
