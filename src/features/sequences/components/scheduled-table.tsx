import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduledStep } from '../../../contract/sequences';
import { EnrollmentActionDialogs, type EnrollmentAction } from './enrollment-action-dialogs';
import { ScheduledRow } from './scheduled-row';

interface ScheduledTableProps {
  rows: readonly ScheduledStep[];
  isUpdating: boolean;
  canChange: boolean;
}

/** Upcoming steps, soonest first; hovering or focusing a row reveals its Unenroll button. */
export function ScheduledTable({ rows, isUpdating, canChange }: ScheduledTableProps) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const [action, setAction] = useState<{ action: EnrollmentAction; index: number } | null>(null);

  /** After the dialog, keep the keyboard on the row, or on the one that took its place. */
  const focusAfter = (enrollmentId: string, index: number) => {
    requestAnimationFrame(() => {
      const table = tableRef.current;
      if (!table) return;
      const same = table.querySelector<HTMLElement>(`[data-enrollment="${CSS.escape(enrollmentId)}"] .scheduled-row__unenroll`);
      const buttons = table.querySelectorAll<HTMLElement>('.scheduled-row__unenroll');
      (same ?? buttons[Math.min(index, buttons.length - 1)] ?? table).focus();
    });
  };

  return (
    <>
      <table ref={tableRef} tabIndex={-1} className="table table--compact scheduled-table" aria-busy={isUpdating || undefined}>
        <caption className="visually-hidden">{t('scheduled.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scheduled.columns.contact')}</th>
            <th scope="col">{t('scheduled.columns.step')}</th>
            <th scope="col">{t('scheduled.columns.sendAt')}</th>
            <th scope="col">{t('scheduled.columns.inbox')}</th>
            {canChange ? (
              <th scope="col">
                <span className="visually-hidden">{t('scheduled.columns.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <ScheduledRow
              key={row.enrollmentId}
              row={row}
              canChange={canChange}
              onUnenroll={() =>
                setAction({ action: { kind: 'unenroll', enrollment: { id: row.enrollmentId, contact: row.contact } }, index })
              }
            />
          ))}
        </tbody>
      </table>
      <EnrollmentActionDialogs
        action={action?.action ?? null}
        onClose={() => {
          if (action) focusAfter(action.action.enrollment.id, action.index);
          setAction(null);
        }}
      />
    </>
  );
}
