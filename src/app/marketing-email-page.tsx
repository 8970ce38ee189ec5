import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../ui/coming-soon';

/** Placeholder until the marketing email screen is built. */
export function MarketingEmailPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('marketingEmail.title')} badge={t('common.comingSoon')} body={t('marketingEmail.comingSoon')} />;
}
