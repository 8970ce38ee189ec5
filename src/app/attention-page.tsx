import { useTranslation } from 'react-i18next';
import { useLoaderData, useSearchParams } from 'react-router';
import { can } from '../api/can';
import { api } from '../api/endpoints';
import type { User } from '../contract/auth';
import { AttentionView } from '../features/attention/components/attention-view';
import { SendForecastSection } from '../features/forecasts/components/send-forecast-section';
import { PageHeader } from '../ui/page-header';

export interface AttentionPageData {
  user: User;
}

/**
 * Needs attention: where the day starts. The groups of every error come first, then the send
 * forecast (what is about to go wrong), for the inbox the page is filtered to if it is. Composed
 * here because features do not import each other.
 */
export function AttentionPage() {
  const { t } = useTranslation();
  const { user } = useLoaderData<AttentionPageData>();
  const [search] = useSearchParams();
  const inboxId = search.get('inboxId') ?? undefined;
  return (
    <div className="attention-page__sections">
      <PageHeader title={t('attention.title')} description={<p>{t('attention.description')}</p>} />
      <AttentionView user={user} />
      {/* Marketers send no sequence email: they have no forecast to act on. Every inbox the
          person may see: the server keeps a rep's answer to their own. */}
      {can(api.spreadSends, user) ? <SendForecastSection user={user} inboxId={inboxId} owner="all" /> : null}
    </div>
  );
}
