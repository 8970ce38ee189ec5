import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SequenceListItem, SequenceListQuery, SequenceSortField } from '../../../contract/sequences';
import { formatInteger, formatPercent } from '../../../i18n/format';
import { SortHeader } from '../../../ui/sort-header';
import { TableScroll } from '../../../ui/table-scroll';

const COLUMNS: readonly { field: SequenceSortField; numeric: boolean }[] = [
  { field: 'name', numeric: false },
  { field: 'owner', numeric: false },
  { field: 'steps', numeric: true },
  { field: 'activeEnrollments', numeric: true },
  { field: 'openRate', numeric: true },
  { field: 'replyRate', numeric: true },
  { field: 'meetingRate', numeric: true },
  { field: 'errorCount', numeric: true },
];

interface SequencesTableProps {
  items: readonly SequenceListItem[];
  search: SequenceListQuery;
  onSort: (field: SequenceSortField) => void;
  /** A newer view is loading; the rows shown are the previous ones. */
  isUpdating: boolean;
}

export function SequencesTable({ items, search, onSort, isUpdating }: SequencesTableProps) {
  const { t } = useTranslation();
  const direction = t(search.dir === 'asc' ? 'common.ascending' : 'common.descending');

  const rate = (value: number | null) =>
    value === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('sequences.noRate')}</span>
      </>
    ) : (
      formatPercent(value)
    );

  return (
    <TableScroll>
      <table className="table" aria-busy={isUpdating || undefined}>
        <caption className="visually-hidden">
          {t('sequences.captionSorted', { column: t(`sequences.columns.${search.sort}`), direction })}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ field, numeric }) => (
              <SortHeader
                key={field}
                label={t(`sequences.columns.${field}`)}
                direction={search.sort === field ? search.dir : undefined}
                onSort={() => onSort(field)}
                numeric={numeric}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="cell--primary">
                <Link to={`/sequences/${encodeURIComponent(item.id)}`}>{item.name}</Link>
              </th>
              <td className="cell--nowrap">{item.owner.name}</td>
              <td className="cell--numeric">{formatInteger(item.steps)}</td>
              <td className="cell--numeric">{formatInteger(item.activeEnrollments)}</td>
              <td className="cell--numeric">{rate(item.openRate)}</td>
              <td className="cell--numeric">{rate(item.replyRate)}</td>
              <td className="cell--numeric">{rate(item.meetingRate)}</td>
              <td className="cell--numeric">
                {item.errorCount > 0 ? (
                  <span className="badge badge--danger">{formatInteger(item.errorCount)}</span>
                ) : (
                  <span className="text-muted">{formatInteger(item.errorCount)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
