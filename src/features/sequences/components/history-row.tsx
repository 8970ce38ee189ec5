import { useTranslation } from 'react-i18next';
import type { AuditEntry, SequenceDetail } from '../../../contract/sequences';
import { ENROLLMENT_STATUSES, oneOf } from '../../../contract/values';
import { formatDate, formatInteger } from '../../../i18n/format';

interface HistoryRowProps {
  entry: AuditEntry;
  /** To name the "enrolled by" of a filter. */
  enrollers: SequenceDetail['enrollers'];
}

const FILTER_FIELDS = ['status', 'error', 'enrolledBy', 'from', 'to', 'q'] as const;
type FilterField = (typeof FILTER_FIELDS)[number];

/** One History entry: when, who, what, how many, and the filter or setting it concerned. */
export function HistoryRow({ entry, enrollers }: HistoryRowProps) {
  const { t } = useTranslation();

  const filterValue = (field: FilterField, value: string): string => {
    if (field === 'status') {
      const status = oneOf(ENROLLMENT_STATUSES, value);
      return status ? t(`enrollment.status.${status}`) : value;
    }
    if (field === 'enrolledBy') return enrollers.find((u) => u.id === value)?.name ?? t('enrollments.filters.unknownUser');
    if (field === 'from' || field === 'to') return formatDate(`${value}T00:00:00`);
    return value;
  };

  let details: string[] = [];
  if (entry.action === 'settings') {
    const on = entry.details.unenrollSameCompany;
    if (typeof on === 'boolean') details = [t(on ? 'history.sameCompanyOn' : 'history.sameCompanyOff')];
  } else if (entry.action === 'auto-unenroll' && entry.reason) {
    const reason = entry.reason;
    details = [reason === 'MANUAL' || reason === 'BULK' ? t('enrollment.reason.manual') : t(`enrollment.reason.${reason}`)];
  } else if (entry.action === 'bulk-unenroll') {
    if (entry.filter) {
      details = FILTER_FIELDS.filter((f) => entry.filter?.[f]).map((f) =>
        t('history.filterItem', { field: t(`history.fields.${f}`), value: filterValue(f, entry.filter?.[f] ?? '') }),
      );
      if (details.length === 0) details = [t('history.allEnrollments')];
    } else if (typeof entry.details.ids === 'number') {
      details = [t('history.selectedRows', { count: entry.details.ids })];
    }
  }

  return (
    <tr>
      <td className="cell--nowrap">
        <time dateTime={entry.at}>{formatDate(entry.at, { withTime: true })}</time>
      </td>
      <td>{entry.actor ? entry.actor.name : <span className="text-muted">{t('history.automatic')}</span>}</td>
      <td>{t(`history.actions.${entry.action}`)}</td>
      <td className="cell--numeric">{entry.action === 'settings' ? '' : formatInteger(entry.count)}</td>
      <td>
        {details.length > 0 ? (
          <ul className="history-details">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
