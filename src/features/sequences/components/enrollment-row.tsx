import { memo, useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrollment } from '../../../contract/enrollments';
import { formatDate } from '../../../i18n/format';
import { EnrollmentCells } from '../../../ui/enrollment-cells';
import { UnenrollReason } from '../../../ui/unenroll-reason';
import { useReenroll } from '../../../ui/use-reenroll';
import type { EnrollmentAction } from './enrollment-action-dialogs';
import { EnrollmentActions } from './enrollment-actions';
import { EmailState } from './email-state';
import { SelectCheckbox } from './select-checkbox';

interface EnrollmentRowProps {
  ref: Ref<HTMLTableRowElement>;
  /** Position among all rows of the view, from 0. */
  index: number;
  enrollment: Enrollment;
  canChange: boolean;
  onAction: (action: EnrollmentAction) => void;
  /** A flag's remedy re-enrolled the contact (the flag itself is gone). */
  onReenrolled: (enrollmentId: string) => void;
  /** Whether the row is ticked; absent when the user cannot change enrollments. */
  isSelected?: boolean;
  onToggleSelected?: (enrollmentId: string) => void;
}

/** One enrolled contact: where they are, any error flag, and what can be done. */
export const EnrollmentRow = memo(function EnrollmentRow({
  ref,
  index,
  enrollment: e,
  canChange,
  onAction,
  onReenrolled,
  isSelected,
  onToggleSelected,
}: EnrollmentRowProps) {
  const { t } = useTranslation();
  const contactId = useId();
  const reenroll = useReenroll();

  const onReenroll = async (step: number) => {
    await reenroll(e.id, e.contact.name, step);
    onReenrolled(e.id);
  };

  return (
    <tr
      ref={ref}
      data-index={index}
      data-enrollment={e.id}
      aria-rowindex={index + 2}
      data-selected={isSelected || undefined}
    >
      {onToggleSelected ? (
        <td className="cell--select">
          <SelectCheckbox
            label={t('bulk.selectRow', { name: e.contact.name })}
            isSelected={Boolean(isSelected)}
            onChange={() => onToggleSelected(e.id)}
          />
        </td>
      ) : null}
      <th scope="row" className="cell--primary">
        <Link id={contactId} to={`/contacts/${encodeURIComponent(e.contact.id)}`}>
          {e.contact.name}
        </Link>
        <span className="cell__secondary">{e.contact.email}</span>
      </th>
      <EnrollmentCells enrollment={e} emailState={<EmailState enrollment={e} />} onReenroll={canChange ? onReenroll : undefined} />
      <td className="cell--nowrap">
        {e.lastActivityAt ? (
          <time dateTime={e.lastActivityAt}>{formatDate(e.lastActivityAt, { withTime: true })}</time>
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{t('enrollments.noActivity')}</span>
          </>
        )}
      </td>
      <td>{e.status === 'unenrolled' ? <UnenrollReason enrollment={e} /> : null}</td>
      <td className="cell--action">
        <EnrollmentActions enrollment={e} canChange={canChange} describedBy={contactId} onAction={onAction} />
      </td>
    </tr>
  );
});
