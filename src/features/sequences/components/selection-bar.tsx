import { useTranslation } from 'react-i18next';

interface SelectionBarProps {
  /** How many enrollments are selected. */
  count: number;
  /** Every enrollment matching the filters is selected. */
  isAll: boolean;
  /** All that match the filters, when known: offered as "Select all N matching". */
  total: number | undefined;
  onSelectAll: () => void;
  onClear: () => void;
  onUnenroll: () => void;
}

/** Above the table while rows are selected: how many, select all that match, clear, Unenroll. */
export function SelectionBar({ count, isAll, total, onSelectAll, onClear, onUnenroll }: SelectionBarProps) {
  const { t } = useTranslation();
  return (
    <div className="selection-bar">
      <p className="selection-bar__count" role="status">
        {count > 0 ? t(isAll ? 'bulk.selectedAll' : 'bulk.selected', { count }) : null}
      </p>
      {count > 0 ? (
        <>
          {!isAll && total !== undefined && total > count ? (
            <button type="button" className="button button--small" onClick={onSelectAll}>
              {t('bulk.selectAll', { count: total })}
            </button>
          ) : null}
          <button type="button" className="button button--small button--quiet" onClick={onClear}>
            {t('bulk.clear')}
          </button>
          <button type="button" className="button button--small button--danger" onClick={onUnenroll}>
            {t('bulk.unenroll')}
          </button>
        </>
      ) : null}
    </div>
  );
}
