import './sequence-page.css';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useNavigationType, useParams, useSearchParams } from 'react-router';
import { can } from '../../../api/can';
import { errorMessageKey } from '../../../api/error-message-key';
import { api } from '../../../api/endpoints';
import type { User } from '../../../contract/auth';
import { loadRouteModule } from '../../../ui/chunk-load-error';
import { ErrorState } from '../../../ui/error-state';
import { PageHeader } from '../../../ui/page-header';
import { Spinner } from '../../../ui/spinner';
import { Tabs } from '../../../ui/tabs';
import { sequenceQuery } from '../api/get-sequence';
import {
  readSequenceSearch,
  writeSequenceSearch,
  type SearchUpdate,
  type SequenceSearch,
  type SequenceTab,
} from '../enrollments-search';
import { EnrollContactsButton } from './enroll-contacts-button';
import { EnrollmentsTab } from './enrollments-tab';
import { SameCompanySetting } from './same-company-setting';
import { SequenceFigures } from './sequence-figures';
import { SequenceMeta } from './sequence-meta';

// The Scheduled and History tabs are fetched when first opened: the summary opens on Enrollments.
const ScheduledTab = lazy(() => loadRouteModule(() => import('./scheduled-tab')).then((m) => ({ default: m.ScheduledTab })));
const HistoryTab = lazy(() => loadRouteModule(() => import('./history-tab')).then((m) => ({ default: m.HistoryTab })));

/** What the route hands the page: the signed-in user, whose role decides what it offers. */
export interface SequencePageData {
  user: User;
}

/** The sequence summary: header figures, then the Enrollments, Scheduled and (for managers) History tabs. */
export function SequencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useLoaderData<SequencePageData>();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readSequenceSearch(searchParams);
  // The route loader has fetched it; if that failed, show the error here, with a retry.
  const query = useQuery({ ...sequenceQuery(id), retryOnMount: false });
  const canEnroll = can(api.enrollContacts, user);
  // Unenroll, re-enroll and bulk unenroll share one access rule; which rows are theirs the server decides.
  const canChange = can(api.unenroll, user);
  // History's readers also get the same-company switch: the settings endpoint admits a rep as
  // well, but only for a sequence they own, so the switch stays with those who manage them all.
  const canManage = can(api.listHistory, user);
  // A link to History opened by someone who cannot read it shows the default tab.
  const tab: SequenceTab = search.tab === 'history' && !canManage ? 'enrollments' : search.tab;

  // The URL changes once the route's loader is done; a second change before then must build
  // on the first, not on what the screen still shows.
  const requested = useRef<SequenceSearch | null>(null);
  const urlSearch = searchParams.toString();
  // Renders can lag behind the router (they run as transitions), so only the URL reaching
  // the requested view, or Back/Forward, settles it.
  const navigationType = useNavigationType();
  useEffect(() => {
    const pending = requested.current;
    if (pending && (navigationType === 'POP' || writeSequenceSearch(pending).toString() === urlSearch)) {
      requested.current = null;
    }
  }, [urlSearch, navigationType]);
  const update: SearchUpdate = (change, options) => {
    const next = change(requested.current ?? search);
    requested.current = next;
    setSearchParams(writeSequenceSearch(next), { replace: options.replace, preventScrollReset: true });
  };

  const backLink = (
    <Link to="/sequences" className="back-link">
      <span aria-hidden="true">← </span>
      {t('summary.back')}
    </Link>
  );

  if (query.isPending || (query.isError && query.isFetching)) {
    return <Spinner label={t('summary.loading')} className="loading--block" />;
  }
  if (query.isError) {
    return (
      <>
        <div className="page-header__eyebrow">{backLink}</div>
        <ErrorState
          headingLevel={1}
          title={t('summary.loadFailed')}
          message={t(errorMessageKey(query.error))}
          retryLabel={t('common.tryAgain')}
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }

  const sequence = query.data;
  return (
    <>
      <PageHeader
        title={sequence.name}
        eyebrow={backLink}
        description={
          <>
            <SequenceMeta sequence={sequence} />
            <SameCompanySetting sequence={sequence} canEdit={canManage} />
          </>
        }
        actions={canEnroll ? <EnrollContactsButton sequence={sequence} /> : null}
      />
      <SequenceFigures figures={sequence.figures} />
      <Tabs
        label={t('summary.tabs.label')}
        tabs={[
          { id: 'enrollments', label: t('summary.tabs.enrollments') },
          { id: 'scheduled', label: t('summary.tabs.scheduled') },
          ...(canManage ? [{ id: 'history' as const, label: t('summary.tabs.history') }] : []),
        ]}
        selected={tab}
        // The arrow keys move between tabs and select them: replace, so Back leaves the page.
        onSelect={(key) => update((current) => ({ ...current, tab: key }), { replace: true })}
      >
        {tab === 'enrollments' ? (
          <EnrollmentsTab sequence={sequence} search={search} onChange={update} canChange={canChange} />
        ) : tab === 'scheduled' ? (
          <Suspense fallback={<Spinner label={t('scheduled.loading')} />}>
            <ScheduledTab
              sequenceId={sequence.id}
              canChange={canChange}
              filters={search.scheduled}
              onFiltersChange={(change) =>
                update((current) => ({ ...current, scheduled: change(current.scheduled) }), { replace: true })
              }
            />
          </Suspense>
        ) : (
          <Suspense fallback={<Spinner label={t('history.loading')} />}>
            <HistoryTab sequence={sequence} />
          </Suspense>
        )}
      </Tabs>
    </>
  );
}
