import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessageKey } from '../../../api/error-message-key';
import type { ContactDetail } from '../../../contract/contacts';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { EnrollmentCells } from '../../../ui/enrollment-cells';
import { TableScroll } from '../../../ui/table-scroll';
import { useToasts } from '../../../ui/toast-context';
import { UnenrollReason } from '../../../ui/unenroll-reason';
import { useReenroll } from '../../../ui/use-reenroll';
import { unenrollMutation } from '../../../api/enrollment-mutations';

type ContactEnrollment = ContactDetail['enrollments'][number];

interface ContactEnrollmentsProps {
  contact: ContactDetail;
  canChange: boolean;
}

/** The contact's enrollments, newest first, each active or paused one with Unenroll. */
export function ContactEnrollments({ contact, canChange }: ContactEnrollmentsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const tableRef = useRef<HTMLTableElement>(null);
  const [confirming, setConfirming] = useState<ContactEnrollment | null>(null);
  // The dialog and the flag show failures themselves.
  const unenroll = useMutation({ ...unenrollMutation(queryClient), meta: { errorToast: false } });
  const reenroll = useReenroll();

  /** Back to the row's sequence link once its button is gone (or the table if the row is). */
  const focusRow = (enrollmentId: string) =>
    requestAnimationFrame(() => {
      const row = tableRef.current?.querySelector<HTMLElement>(`[data-enrollment="${CSS.escape(enrollmentId)}"]`);
      (row?.querySelector<HTMLElement>('.row-unenroll') ?? row?.querySelector<HTMLElement>('a') ?? tableRef.current)?.focus();
    });

  const close = () => {
    if (confirming) focusRow(confirming.id);
    unenroll.reset();
    setConfirming(null);
  };

  return (
    <TableScroll>
      <table ref={tableRef} tabIndex={-1} className="table table--compact">
        <caption className="visually-hidden">{t('contact.caption', { name: contact.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contact.columns.sequence')}</th>
            <th scope="col">{t('enrollments.columns.enrolled')}</th>
            <th scope="col">{t('enrollments.columns.email')}</th>
            <th scope="col">{t('enrollments.columns.step')}</th>
            <th scope="col">{t('enrollments.columns.enrolledBy')}</th>
            <th scope="col">{t('enrollments.columns.enrolledAt')}</th>
            <th scope="col">{t('enrollments.columns.reason')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('enrollments.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {contact.enrollments.map((e) => {
            const sequenceLinkId = `contact-enrollment-${e.id}`;
            return (
              <tr key={e.id} data-enrollment={e.id}>
                <th scope="row" className="cell--primary">
                  <Link id={sequenceLinkId} to={`/sequences/${encodeURIComponent(e.sequenceId)}`}>
                    {e.sequenceName}
                  </Link>
                </th>
                <EnrollmentCells
                  enrollment={e}
                  emailState={<span className="text-muted">{t(`contact.emailState.${e.status}`)}</span>}
                  onReenroll={
                    canChange
                      ? async (step) => {
                          await reenroll(e.id, contact.name, step);
                          focusRow(e.id);
                        }
                      : undefined
                  }
                />
                <td>{e.status === 'unenrolled' ? <UnenrollReason enrollment={e} /> : null}</td>
                <td className="cell--action">
                  {canChange && (e.status === 'active' || e.status === 'paused') ? (
                    <button
                      type="button"
                      className="button button--small row-unenroll"
                      aria-describedby={sequenceLinkId}
                      onClick={() => setConfirming(e)}
                    >
                      {t('enrollments.actions.unenroll')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        isOpen={confirming !== null}
        onOpenChange={(open) => {
          if (!open) close();
        }}
        title={t('contact.unenrollDialog.title', { name: contact.name, sequence: confirming?.sequenceName ?? '' })}
        confirmLabel={t('enrollments.unenrollDialog.confirm')}
        pendingLabel={t('enrollments.unenrollDialog.pending')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => {
          if (!confirming) return;
          unenroll.mutate(confirming.id, {
            onSuccess: () => {
              toasts.add(
                { tone: 'success', title: t('contact.unenrolled', { name: contact.name, sequence: confirming.sequenceName }) },
                { timeout: 5000 },
              );
              close();
            },
          });
        }}
        isPending={unenroll.isPending}
        error={unenroll.isError ? t(errorMessageKey(unenroll.error)) : null}
      >
        <p>{t('enrollments.unenrollDialog.body')}</p>
      </ConfirmDialog>
    </TableScroll>
  );
}
