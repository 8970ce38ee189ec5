import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/spinner';

/** Shown while the first route loads (session check, first data, route code). */
export function BootFallback() {
  const { t } = useTranslation();
  return (
    <main id="main" className="boot">
      <Spinner label={t('app.loading')} />
    </main>
  );
}
