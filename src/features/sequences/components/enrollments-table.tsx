import { measureElement, observeWindowRect, useWindowVirtualizer, windowScroll, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrollment, EnrollmentSortField } from '../../../contract/enrollments';
import { SortHeader } from '../../../ui/sort-header';
import { TableScroll } from '../../../ui/table-scroll';
import type { EnrollmentView } from '../api/get-enrollments';
import { EnrollmentActionDialogs, type EnrollmentAction } from './enrollment-action-dialogs';
import { EnrollmentRow } from './enrollment-row';
import { SelectCheckbox } from './select-checkbox';

const COLUMNS = [
  { key: 'contact', sort: 'contact' },
  { key: 'enrolled', sort: 'status' },
  { key: 'email', sort: null },
  { key: 'step', sort: 'step' },
  { key: 'enrolledBy', sort: null },
  { key: 'enrolledAt', sort: 'enrolledAt' },
  { key: 'lastActivity', sort: 'lastActivity' },
  { key: 'reason', sort: null },
] as const satisfies readonly { key: string; sort: EnrollmentSortField | null }[];

/** A typical row (name and email on two lines); rows are measured once drawn. */
const ROW_ESTIMATE = 61;
/** Rows drawn beyond the visible ones, so fast scrolling does not show gaps. */
const OVERSCAN = 12;
/** Start fetching the next page this many rows before the loaded ones run out. */
const PREFETCH_ROWS = 40;

type WindowVirtualizer = Virtualizer<Window, HTMLTableRowElement>;

/**
 * A row's height. When a row is drawn, the virtualizer asks at once (no `entry`): reading the
 * height then would make the browser lay out the page in the middle of React's commit, once for
 * every batch of rows, so the answer is what is known (the row's last size, or the estimate).
 * Its ResizeObserver reports the real height after the browser's own layout, without forcing
 * one. A row that is not laid out (a test DOM, a hidden tab) measures 0: count it as typical.
 */
const measureRow: WindowVirtualizer['options']['measureElement'] = (element, entry, instance) => {
  if (!entry && typeof ResizeObserver !== 'undefined') {
    const key = instance.options.getItemKey(instance.indexFromElement(element));
    return instance.itemSizeCache.get(key) ?? ROW_ESTIMATE;
  }
  return measureElement(element, entry, instance) || ROW_ESTIMATE;
};

/** The same for the window: without layout, assume a common laptop screen. */
const observeWindow: WindowVirtualizer['options']['observeElementRect'] = (instance, cb) =>
  observeWindowRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1440, height: 800 }));

/** Virtualizers that have started; see `scrollWindow`. */
const started = new WeakSet<WindowVirtualizer>();

/**
 * Scrolls the window for the virtualizer, except its first scroll: on starting it scrolls to
 * where the window already is, which moves nothing but makes the browser lay out the page in
 * the middle of React's commit.
 */
const scrollWindow: WindowVirtualizer['options']['scrollToFn'] = (offset, options, instance) => {
  if (!started.has(instance)) {
    started.add(instance);
    if (!options.adjustments && !options.behavior) return;
  }
  windowScroll(offset, options, instance);
};

function windowRect(): { width: number; height: number } {
  return typeof window === 'undefined' || !window.innerHeight ? { width: 1440, height: 800 } : { width: window.innerWidth, height: window.innerHeight };
}

interface EnrollmentsTableProps {
  rows: readonly Enrollment[];
  /** All rows matching the filter, when known. */
  total: number | undefined;
  view: EnrollmentView;
  onSort: (field: EnrollmentSortField) => void;
  isUpdating: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageFailed: boolean;
  fetchNextPage: () => void;
  canChange: boolean;
  /** Row selection for bulk actions; absent when the user cannot change enrollments. */
  selection?: TableSelection;
}

export interface TableSelection {
  isSelected: (enrollmentId: string) => boolean;
  /** Whether none, some or all of the loaded rows are ticked (the header checkbox). */
  loaded: 'none' | 'some' | 'all';
  onToggleRow: (enrollmentId: string) => void;
  onToggleLoaded: () => void;
}

/**
 * The Enrollments table: a real table whose rows are virtualized against the page's scroll
 * (only the rows near the viewport are in the DOM; aria-rowcount and aria-rowindex tell
 * screen readers where they are), fetching the next page as the user nears the end.
 */
export function EnrollmentsTable({
  rows,
  total,
  view,
  onSort,
  isUpdating,
  hasNextPage,
  isFetchingNextPage,
  nextPageFailed,
  fetchNextPage,
  canChange,
  selection,
}: EnrollmentsTableProps) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Until it is measured, assume the rows start a screen down: on a phone they do (below the
  // header, the figures and the filters), and the first render then draws only the overscan's
  // rows, not a screenful more that the measurement would take away again.
  const [bodyTop, setBodyTop] = useState(() => (typeof window === 'undefined' ? 0 : window.innerHeight));
  const [action, setAction] = useState<EnrollmentAction | null>(null);

  // Where the rows start on the page; what is above the table can change height. Measured when
  // the ResizeObserver reports (after the browser's layout, and at once for a new observation),
  // not in the commit, where reading a position would force a layout of the whole page.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setBodyTop(Math.round(body.getBoundingClientRect().top + window.scrollY));
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin: bodyTop,
    getItemKey: (index) => rows[index]?.id ?? index,
    measureElement: measureRow,
    observeElementRect: observeWindow,
    // The window's size is known before the first render: with it, that render (a transition,
    // which React splits into short tasks) draws the rows, instead of a second, synchronous
    // render from the virtualizer's layout effect once it has measured the window.
    initialRect: windowRect(),
    scrollToFn: scrollWindow,
    // React 19 warns about flushSync during render; a frame's delay is invisible here.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= rows.length - PREFETCH_ROWS && hasNextPage && !isFetchingNextPage && !nextPageFailed) {
      fetchNextPage();
    }
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, nextPageFailed, fetchNextPage]);

  // A new view starts at its first row.
  const viewKey = JSON.stringify(view);
  const previousViewKey = useRef(viewKey);
  useEffect(() => {
    if (previousViewKey.current === viewKey) return;
    previousViewKey.current = viewKey;
    const top = (tableRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (window.scrollY > top) window.scrollTo({ top });
  }, [viewKey]);

  const first = items[0];
  const last = items.at(-1);
  const paddingTop = first ? first.start - virtualizer.options.scrollMargin : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - virtualizer.options.scrollMargin) : 0;
  const sortColumn = COLUMNS.find((c) => c.sort === view.sort)?.key ?? 'enrolledAt';
  const direction = t(view.dir === 'asc' ? 'common.ascending' : 'common.descending');
  const rowCount = total !== undefined ? total + 1 : hasNextPage ? -1 : rows.length + 1;

  /** After a dialog or a remedy, keep the keyboard on the row, or on the table if it left the view. */
  const focusRow = useCallback((enrollmentId: string) => {
    requestAnimationFrame(() => {
      const button = tableRef.current?.querySelector<HTMLElement>(`[data-enrollment="${CSS.escape(enrollmentId)}"] .row-actions`);
      (button ?? tableRef.current)?.focus();
    });
  }, []);

  return (
    <TableScroll className="table-wrap--window">
      <table
        ref={tableRef}
        tabIndex={-1}
        className="table table--compact enrollments-table"
        aria-rowcount={rowCount}
        aria-busy={isUpdating || undefined}
      >
        <caption className="visually-hidden">
          {t('enrollments.caption', { column: t(`enrollments.columns.${sortColumn}`), direction })}
        </caption>
        <colgroup>
          {selection ? <col className="enrollments-table__col--select" /> : null}
          {COLUMNS.map((c) => (
            <col key={c.key} className={`enrollments-table__col--${c.key}`} />
          ))}
          <col className="enrollments-table__col--actions" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {selection ? (
              <td className="cell--select">
                <SelectCheckbox
                  label={t('bulk.selectLoaded')}
                  isSelected={selection.loaded === 'all'}
                  isIndeterminate={selection.loaded === 'some'}
                  onChange={selection.onToggleLoaded}
                />
              </td>
            ) : null}
            {COLUMNS.map((c) =>
              c.sort ? (
                <SortHeader
                  key={c.key}
                  label={t(`enrollments.columns.${c.key}`)}
                  direction={view.sort === c.sort ? view.dir : undefined}
                  onSort={() => onSort(c.sort)}
                />
              ) : (
                <th key={c.key} scope="col">
                  {t(`enrollments.columns.${c.key}`)}
                </th>
              ),
            )}
            <th scope="col">
              <span className="visually-hidden">{t('enrollments.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {paddingTop > 0 ? (
            <tr className="enrollments-table__spacer" aria-hidden="true">
              <td colSpan={COLUMNS.length + (selection ? 2 : 1)} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const enrollment = rows[item.index];
            if (!enrollment) return null;
            return (
              <EnrollmentRow
                key={item.key}
                ref={virtualizer.measureElement}
                index={item.index}
                enrollment={enrollment}
                canChange={canChange}
                onAction={setAction}
                onReenrolled={focusRow}
                isSelected={selection?.isSelected(enrollment.id)}
                onToggleSelected={selection?.onToggleRow}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr className="enrollments-table__spacer" aria-hidden="true">
              <td colSpan={COLUMNS.length + (selection ? 2 : 1)} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {isFetchingNextPage ? (
        <div className="table-footer" role="status">
          <span className="loading__spinner" aria-hidden="true" />
          {t('enrollments.loadingMore')}
        </div>
      ) : nextPageFailed ? (
        <div className="table-footer" role="alert">
          {t('enrollments.loadMoreFailed')}{' '}
          <button type="button" className="button button--small" onClick={fetchNextPage}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : null}
      <EnrollmentActionDialogs
        action={action}
        onClose={() => {
          if (action) focusRow(action.enrollment.id);
          setAction(null);
        }}
      />
    </TableScroll>
  );
}
