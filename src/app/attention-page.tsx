import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import type { User } from '../contract/auth';
import { AttentionView } from '../features/attention/components/attention-view';
import { PageHeader } from '../ui/page-header';

export interface AttentionPageData {
  user: User;
}

/**
 * Needs attention: where the day starts. The groups of every error come first; further
 * sections (the send forecast) are composed below them here, each from its own feature.
 */
export function AttentionPage() {
  const { t } = useTranslation();
  const { user } = useLoaderData<AttentionPageData>();
  return (
    <div className="attention-page__sections">
      <PageHeader title={t('attention.title')} description={<p>{t('attention.description')}</p>} />
      <AttentionView user={user} />
    </div>
  );
}
