import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import type { ContactProblem, ReviewContact } from '../../../contract/probation';
import { formatDate, formatInteger } from '../../../i18n/format';
import { SegmentedControl } from '../../../ui/segmented-control';
import { reviewContactsQuery } from '../api/get-review-contacts';
import { useRemoveFromMarketing } from '../api/remove-from-marketing';
import { probationErrorText } from '../error-text';
import { marketingListLabels } from '../list-labels';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { PagedList } from '../../../ui/paged-list';
import { TableScroll } from '../../../ui/table-scroll';

type Filter = ContactProblem | 'all';
const FILTERS: readonly Filter[] = ['all', 'no_consent', 'not_engaged', 'invalid_address'];

interface ReviewContactsStepProps {
  problem: ContactProblem | null;
  onProblemChange: (problem: ContactProblem | null) => void;
  /** Contacts removed so far in this review (saved on the server). */
  removedCount: number;
}

/**
 * Step 4: the marketing contacts with consent, last engagement and address, filtered by
 * problem with counts. Select rows, or everything that matches, and remove them from marketing
 * after a confirmation that states the exact number.
 */
export function ReviewContactsStep({ problem, onProblemChange, removedCount }: ReviewContactsStepProps) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({ ...reviewContactsQuery(problem), placeholderData: keepPreviousData });
  const remove = useRemoveFromMarketing();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [justRemoved, setJustRemoved] = useState<number | null>(null);

  const first = query.data?.pages[0];
  const counts = first?.counts;
  const total = first?.total ?? 0;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const selectedCount = allMatching ? total : selected.size;
  const allShownSelected = items.length > 0 && (allMatching || items.every((c) => selected.has(c.id)));

  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const toggle = (id: string, on: boolean) => {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const table = (
    <PagedList
      query={query}
      labels={marketingListLabels(t, { loading: t('probation.wizard.step4.loading'), loadFailed: t('probation.wizard.step4.loadFailed') })}
      empty={{ title: t('probation.wizard.step4.emptyTitle'), body: t('probation.wizard.step4.emptyBody') }}
    >
      {() => (
        <>
          <TableScroll>
            <table className="table table--compact" aria-busy={query.isFetching || undefined}>
              <caption className="visually-hidden">{t('probation.wizard.step4.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="cell--select">
                    <input
                      type="checkbox"
                      aria-label={t('probation.wizard.step4.selectPage')}
                      checked={allShownSelected}
                      onChange={(e) => {
                        setAllMatching(false);
                        setSelected(e.target.checked ? new Set(items.map((c) => c.id)) : new Set());
                      }}
                    />
                  </th>
                  <th scope="col">{t('probation.wizard.step4.columns.contact')}</th>
                  <th scope="col">{t('probation.wizard.step4.columns.consent')}</th>
                  <th scope="col">{t('probation.wizard.step4.columns.engagement')}</th>
                  <th scope="col">{t('probation.wizard.step4.columns.address')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((contact) => (
                  <ContactRow
                    key={contact.id}
                    contact={contact}
                    selected={allMatching || selected.has(contact.id)}
                    onSelect={(on) => toggle(contact.id, on)}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="text-muted">
            {t('probation.wizard.step4.shown', { shown: formatInteger(items.length), total: formatInteger(total) })}
          </p>
        </>
      )}
    </PagedList>
  );

  return (
    <div className="review-step">
      <p>{t('probation.wizard.step4.body')}</p>
      <SegmentedControl<Filter>
        label={t('probation.wizard.step4.filterLabel')}
        options={FILTERS.map((id) => ({
          id,
          label: t(`probation.wizard.step4.filters.${id}`, { n: counts ? formatInteger(counts[id]) : '…' }),
        }))}
        value={problem ?? 'all'}
        onChange={(next) => {
          clearSelection();
          setJustRemoved(null);
          onProblemChange(next === 'all' ? null : next);
        }}
      />
      <div className="review-selection">
        <p role="status" className="review-selection__count">
          {justRemoved !== null
            ? t('probation.wizard.step4.removed', { count: justRemoved, n: formatInteger(justRemoved) })
            : selectedCount > 0
              ? t('probation.wizard.step4.selected', { count: selectedCount, n: formatInteger(selectedCount) })
              : ''}
        </p>
        {problem !== null && !allMatching && total > 0 && total > selected.size ? (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              setJustRemoved(null);
              setAllMatching(true);
            }}
          >
            {t('probation.wizard.step4.selectAllMatching', { count: total, n: formatInteger(total) })}
          </button>
        ) : null}
        {selectedCount > 0 ? (
          <button type="button" className="button button--small button--quiet" onClick={clearSelection}>
            {t('probation.wizard.step4.clearSelection')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--small button--danger"
          disabled={selectedCount === 0}
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          {t('probation.wizard.step4.remove')}
        </button>
      </div>
      {removedCount > 0 ? (
        <p className="text-muted">{t('probation.wizard.step4.removedSoFar', { count: removedCount, n: formatInteger(removedCount) })}</p>
      ) : null}
      {table}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('probation.wizard.step4.confirmTitle', { count: selectedCount, n: formatInteger(selectedCount) })}
        confirmLabel={t('probation.wizard.step4.confirm')}
        pendingLabel={t('probation.wizard.step4.removing')}
        cancelLabel={t('probation.wizard.step4.cancel')}
        isPending={remove.isPending}
        error={
          remove.isError
            ? isApiError(remove.error) && remove.error.code === 'conflict' && allMatching
              ? t('probation.errors.countChanged')
              : probationErrorText(remove.error, t)
            : null
        }
        onConfirm={() => {
          const body = allMatching && problem !== null ? { problem, expectedCount: total } : { ids: [...selected] };
          remove.mutate(body, {
            onSuccess: (result) => {
              setConfirming(false);
              clearSelection();
              setJustRemoved(result.removed);
            },
          });
        }}
      >
        <p>{t('probation.wizard.step4.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

function ContactRow({ contact, selected, onSelect }: { contact: ReviewContact; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t } = useTranslation();
  const flagged = (problem: ContactProblem) => contact.problems.includes(problem);
  return (
    <tr>
      <td className="cell--select">
        <input
          type="checkbox"
          aria-label={t('probation.wizard.step4.selectRow', { name: contact.name })}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
        />
      </td>
      <th scope="row" className="cell--primary">
        <span className="review-contact__name">{contact.name}</span>
        <span className="review-contact__email">{contact.email}</span>
      </th>
      <td className={flagged('no_consent') ? 'review-cell--problem' : undefined}>{t(`probation.wizard.step4.consent.${contact.consent}`)}</td>
      <td className={flagged('not_engaged') ? 'review-cell--problem' : undefined}>
        {contact.lastEngagedAt ? formatDate(contact.lastEngagedAt) : t('probation.wizard.step4.never')}
      </td>
      <td className={flagged('invalid_address') ? 'review-cell--problem' : undefined}>
        {t(`probation.wizard.step4.address.${contact.addressStatus}`)}
      </td>
    </tr>
  );
}
