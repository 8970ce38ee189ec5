import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScheduledStep } from '../../../contract/sequences';
import { formatDate } from '../../../i18n/format';

interface ScheduledRowProps {
  row: ScheduledStep;
  canChange: boolean;
  onUnenroll: () => void;
}

/** One upcoming step: the contact, which step, when, from which inbox, and Unenroll. */
export function ScheduledRow({ row, canChange, onUnenroll }: ScheduledRowProps) {
  const { t } = useTranslation();
  const contactId = useId();
  return (
    <tr className="scheduled-row" data-enrollment={row.enrollmentId}>
      <th scope="row" className="cell--primary">
        <Link id={contactId} to={`/contacts/${encodeURIComponent(row.contact.id)}`}>
          {row.contact.name}
        </Link>
        <span className="cell__secondary">{row.contact.email}</span>
      </th>
      <td>
        {t('scheduled.stepOf', { position: row.step.position, total: row.totalSteps })}
        <span className="cell__secondary">{t(`summary.stepTypes.${row.step.type}`)}</span>
      </td>
      <td className="cell--nowrap">
        <time dateTime={row.sendAt}>{formatDate(row.sendAt, { withTime: true })}</time>
      </td>
      <td>
        {row.inbox ? (
          <>
            {row.inbox.address}
            {row.inbox.connected ? null : <span className="cell__secondary">{t('scheduled.disconnected')}</span>}
          </>
        ) : (
          <span className="text-muted">{t('scheduled.noInbox')}</span>
        )}
      </td>
      {canChange ? (
        <td className="cell--action">
          <button type="button" className="button button--small scheduled-row__unenroll" aria-describedby={contactId} onClick={onUnenroll}>
            {t('scheduled.unenroll')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}
