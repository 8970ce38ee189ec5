import './attention.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '../../../api/can';
import { api } from '../../../api/endpoints';
import { errorMessageKey } from '../../../api/error-message-key';
import type { User } from '../../../contract/auth';
import type { AttentionFilter, AttentionGroup } from '../../../contract/attention';
import { formatInteger } from '../../../i18n/format';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorState } from '../../../ui/error-state';
import { Spinner } from '../../../ui/spinner';
import { attentionQuery } from '../api/get-attention';
import { attentionSearch, readAttentionSearch } from '../attention-search';
import { AttentionFilters } from './attention-filters';
import { AttentionGroupCard } from './attention-group-card';
import { FixGroupDialog } from './fix-group-dialog';
import { FixOutcome, type Outcome } from './fix-outcome';

/**
 * The groups of Needs attention under the filters in the URL, biggest first, each with its
 * explanation and its remedy; a remedy is confirmed in a dialog and its outcome, with Undo,
 * stays above the groups until the next one.
 */
export function AttentionView({ user }: { user: User }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readAttentionSearch(params);
  const query = useQuery({ ...attentionQuery(filter), retryOnMount: false });
  const [fixing, setFixing] = useState<AttentionGroup | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // Set when a remedy is done: once the dialog is gone (and has put the focus back on the
  // button that opened it, which may then leave with its group), the outcome takes the focus.
  const [focusOutcome, setFocusOutcome] = useState(0);
  useEffect(() => {
    if (!focusOutcome || fixing) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => outcomeRef.current?.focus());
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [focusOutcome, fixing]);
  const mayFix = can(api.attentionReenroll, user);

  const setFilter = (next: AttentionFilter) => setParams(attentionSearch(next), { replace: true });

  let content;
  if (query.isPending || (query.isError && query.isFetching && !query.data)) {
    content = <Spinner label={t('attention.loading')} className="loading--block" />;
  } else if (query.isError && !query.data) {
    content = (
      <ErrorState
        title={t('attention.loadFailed')}
        message={t(errorMessageKey(query.error))}
        retryLabel={t('common.tryAgain')}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    const data = query.data!;
    const filtered = Object.keys(filter).length > 0;
    content = (
      <>
        <AttentionFilters filter={filter} choices={data.filters} onChange={setFilter} />
        {outcome ? (
          <FixOutcome
            ref={outcomeRef}
            outcome={outcome}
            onUndone={(undone) => {
              setOutcome(undone);
              // Undo leaves with its button: the keyboard stays on the outcome.
              setFocusOutcome((n) => n + 1);
            }}
          />
        ) : null}
        {data.groups.length === 0 ? (
          <EmptyState
            title={filtered ? t('attention.emptyFilteredTitle') : t('attention.emptyTitle')}
            action={
              filtered ? (
                <button type="button" className="button" onClick={() => setFilter({})}>
                  {t('attention.filters.clear')}
                </button>
              ) : undefined
            }
          >
            <p>{filtered ? t('attention.emptyFilteredBody') : t('attention.emptyBody')}</p>
          </EmptyState>
        ) : (
          <section className="attention-groups" aria-labelledby="attention-groups-title">
            <h2 id="attention-groups-title" className="attention-groups__title">
              {t('attention.groupsTitle', { count: data.total })}
            </h2>
            <p className="text-muted attention-groups__summary">
              {t('attention.groupsSummary', { count: data.groups.length, total: formatInteger(data.total) })}
            </p>
            <ul className="attention-groups__list">
              {data.groups.map((group) => (
                <li key={`${group.key.code}:${group.key.inboxId ?? ''}`}>
                  <AttentionGroupCard group={group} filter={filter} onFix={mayFix ? setFixing : undefined} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    );
  }

  return (
    <div className="attention">
      {content}
      {fixing ? (
        <FixGroupDialog
          group={fixing}
          filter={filter}
          onClose={() => setFixing(null)}
          onDone={(done) => {
            setFixing(null);
            setOutcome(done);
            // The outcome, with its Undo, is where the keyboard goes next.
            setFocusOutcome((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}
