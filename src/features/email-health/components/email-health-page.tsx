import './email-health.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useLocation, useNavigation, useSearchParams } from 'react-router';
import { can } from '../../../api/can';
import { errorMessageKey } from '../../../api/error-message-key';
import { api } from '../../../api/endpoints';
import type { EmailHealth } from '../../../contract/email-health';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Spinner } from '../../../ui/spinner';
import { Toolbar } from '../../../ui/toolbar';
import { emailHealthQuery } from '../api/get-email-health';
import { formatDayRange } from '../format';
import { readHealthSearch, writeHealthSearch, type HealthSearch } from '../health-search';
import type { HealthPageData } from '../route-loaders';
import { EarlyWarningList } from './early-warning-list';
import { HealthOverview } from './health-overview';
import { HealthWindowControl } from './health-window-control';
import { NotEnoughData } from './not-enough-data';
import { NotSentSection } from './not-sent-section';
import { ProbationNotice } from './probation-notice';
import { ProviderTable } from './provider-table';
import { RateCards } from './rate-cards';
import { RecommendationList } from './recommendation-list';
import { TrendSection } from './trend-section';

/** The email health view: marketing email rates against their thresholds, the trend, the
 * providers, why emails were not sent, and what to do first. */
export function EmailHealthPage() {
  const { t } = useTranslation();
  const { user } = useLoaderData<HealthPageData>();
  const location = useLocation();
  const navigation = useNavigation();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readHealthSearch(searchParams);
  // The route loader has usually fetched this already. If that failed, show the error here
  // (keeping the period selector) rather than fetching again on mount.
  const query = useQuery({ ...emailHealthQuery(search), placeholderData: keepPreviousData, retryOnMount: false });

  // Choosing a period or a granularity replaces the entry: Back leaves the page.
  const show = (next: HealthSearch) =>
    setSearchParams(writeHealthSearch(next), { replace: true, preventScrollReset: true });

  const isUpdating =
    (navigation.state === 'loading' && navigation.location.pathname === location.pathname) ||
    (query.isFetching && query.isSuccess);

  let content;
  if (query.isPending || (query.isError && query.isFetching)) {
    content = <Spinner label={t('health.loading')} className="loading--block" />;
  } else if (query.isError) {
    content = (
      <ErrorState
        title={t('health.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    content = (
      <HealthReport
        health={query.data}
        search={search}
        canChangeIndustry={can(api.updateAccountIndustry, user)}
        onGranularityChange={(granularity) => show({ ...search, granularity })}
      />
    );
  }

  const covered = query.data?.window;
  return (
    <>
      <PageHeader title={t('health.title')} description={<p>{t('health.description')}</p>} />
      <Toolbar className="health-toolbar" status={isUpdating ? t('health.updating') : ''}>
        <div className="health-period">
          <HealthWindowControl value={search.window} onChange={(window) => show({ ...search, window })} />
          {covered ? (
            <p className="health-period__covers">
              <span className="health-period__dates">
                {t('health.window.covers', { count: covered.days, range: formatDayRange(covered.from, covered.to) })}
              </span>{' '}
              {t('health.window.excluded')}
            </p>
          ) : null}
        </div>
      </Toolbar>
      <div aria-busy={isUpdating || undefined} className={isUpdating ? 'health-report health-report--updating' : 'health-report'}>
        {content}
      </div>
    </>
  );
}

interface HealthReportProps {
  health: EmailHealth;
  search: HealthSearch;
  canChangeIndustry: boolean;
  onGranularityChange: (granularity: HealthSearch['granularity']) => void;
}

function HealthReport({ health, search, canChangeIndustry, onGranularityChange }: HealthReportProps) {
  return (
    <>
      {health.notEnoughData ? <NotEnoughData sent={health.sent} minimum={health.minimumSent} /> : null}
      <ProbationNotice probation={health.probation} window={health.window.key} />
      <HealthOverview health={health} canChangeIndustry={canChangeIndustry} />
      <RecommendationList recommendations={health.recommendations} rates={health.rates} />
      <EarlyWarningList warnings={health.earlyWarnings} />
      <RateCards rates={health.rates} />
      <TrendSection health={health} granularity={search.granularity} onGranularityChange={onGranularityChange} />
      <ProviderTable providers={health.providers} />
      <NotSentSection notSent={health.notSent} window={health.window.key} />
    </>
  );
}
