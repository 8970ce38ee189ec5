import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../api/can';
import { errorMessageKey } from '../../../api/error-message-key';
import { api } from '../../../api/endpoints';
import type { User } from '../../../contract/auth';
import { ErrorState } from '../../../ui/error-state';
import { Spinner } from '../../../ui/spinner';
import { probationQuery } from '../api/get-probation';
import { MarketingEmailList } from './marketing-email-list';
import { ProbationBanner } from './probation-banner';
import { ReviewContactsButton } from './review-contacts-button';

/** Marketing email: the probation banner (with Review contacts for those who may review) over
 * the list of marketing emails. */
export function MarketingEmailView({ user }: { user: User }) {
  const { t } = useTranslation();
  const probation = useQuery(probationQuery());
  const reviewer = can(api.getReviewProgress, user);
  const sender = can(api.sendMarketingEmail, user);

  let banner = null;
  if (probation.isPending) {
    banner = <Spinner label={t('probation.banner.loading')} />;
  } else if (probation.isError) {
    banner = (
      <ErrorState
        title={t('probation.banner.loadFailed')}
        message={t(errorMessageKey(probation.error))}
        retryLabel={t('probation.banner.retry')}
        onRetry={() => void probation.refetch()}
      />
    );
  } else {
    banner = <ProbationBanner probation={probation.data} action={reviewer ? <ReviewContactsButton /> : undefined} />;
  }

  return (
    <>
      {banner}
      <MarketingEmailList canSend={sender} sendingAllowed={probation.data?.canSendMarketing ?? true} />
    </>
  );
}
