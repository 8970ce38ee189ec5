import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { isApiError } from '../api/client';
import { errorMessageKey } from '../api/error-message-key';
import { ErrorState } from '../ui/error-state';
import { useDocumentTitle } from '../ui/use-document-title';
import { reloadPage } from './reload-page';
import { isChunkLoadError } from '../ui/chunk-load-error';

/** Anything but 401/403/404: say what went wrong and let the user load the page again. A page
 * whose code did not download is loaded anew from the server: the router would not fetch it
 * twice. */
export function UnexpectedErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  useDocumentTitle(t('errors.genericTitle'));
  return (
    <ErrorState
      headingLevel={1}
      title={t('errors.genericTitle')}
      message={
        isChunkLoadError(error)
          ? t('errors.chunkLoadBody')
          : isApiError(error)
            ? t(errorMessageKey(error))
            : t('errors.genericBody')
      }
      reference={isApiError(error) && error.requestId ? t('common.reference', { requestId: error.requestId }) : undefined}
      retryLabel={t('common.tryAgain')}
      isRetrying={revalidator.state === 'loading'}
      onRetry={() => (isChunkLoadError(error) ? reloadPage() : void revalidator.revalidate())}
    />
  );
}
