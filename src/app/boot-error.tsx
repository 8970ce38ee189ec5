import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ui/error-state';
import { useDocumentTitle } from '../ui/use-document-title';

/** The app could not start (demo mode: the in-page API failed to open, or the demo is open
 * in another tab). */
export function BootError({ reason }: { reason?: 'demoInAnotherTab' }) {
  const { t } = useTranslation();
  const title = reason ? t('demo.otherTabTitle') : t('errors.genericTitle');
  useDocumentTitle(title);
  return (
    <main id="main" className="main main--narrow">
      <ErrorState
        headingLevel={1}
        title={title}
        message={reason ? t('demo.otherTabBody') : t('errors.genericBody')}
        retryLabel={t('common.tryAgain')}
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
