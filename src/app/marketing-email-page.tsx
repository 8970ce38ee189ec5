import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import type { User } from '../contract/auth';
import { MarketingEmailView } from '../features/probation/components/marketing-email-view';
import { PageHeader } from '../ui/page-header';

export interface MarketingEmailPageData {
  user: User;
}

/** The marketing email tool: the probation banner and the review that lifts it, and the emails. */
export function MarketingEmailPage() {
  const { t } = useTranslation();
  const { user } = useLoaderData<MarketingEmailPageData>();
  return (
    <div className="marketing-email">
      <PageHeader title={t('probation.page.title')} description={<p>{t('probation.page.description')}</p>} />
      <MarketingEmailView user={user} />
    </div>
  );
}
