import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../ui/coming-soon';

/** Placeholder until the email health screen is built. */
export function EmailHealthPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('emailHealth.title')} badge={t('common.comingSoon')} body={t('emailHealth.comingSoon')} />;
}
