import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import type { Enrollment } from '../../../contract/enrollments';
import { formatInteger } from '../../../i18n/format';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { useToasts } from '../../../ui/toast-context';
import { reenrollMutation, unenrollMutation } from '../../../api/enrollment-mutations';

/** What a dialog needs of the row it acts on (the Scheduled tab has no full enrollment). */
type EnrollmentRef = Pick<Enrollment, 'id' | 'contact'>;

export type EnrollmentAction =
  | { kind: 'unenroll'; enrollment: EnrollmentRef }
  | { kind: 'reenroll'; enrollment: EnrollmentRef; step: number };

interface EnrollmentActionDialogsProps {
  action: EnrollmentAction | null;
  onClose: () => void;
}

/** The confirmation of a row action. A failure keeps the dialog open with the reason. */
export function EnrollmentActionDialogs({ action, onClose }: EnrollmentActionDialogsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const unenroll = useMutation({ ...unenrollMutation(queryClient), meta: { errorToast: false } });
  const reenroll = useMutation({ ...reenrollMutation(queryClient), meta: { errorToast: false } });
  const mutation = action?.kind === 'reenroll' ? reenroll : unenroll;
  const name = action?.enrollment.contact.name ?? '';

  const close = () => {
    unenroll.reset();
    reenroll.reset();
    onClose();
  };

  const confirm = () => {
    if (!action) return;
    if (action.kind === 'unenroll') {
      unenroll.mutate(action.enrollment.id, {
        onSuccess: () => {
          toasts.add({ tone: 'success', title: t('enrollments.unenrolled', { name }) }, { timeout: 5000 });
          close();
        },
      });
    } else {
      reenroll.mutate(
        { enrollmentId: action.enrollment.id, step: action.step },
        {
          onSuccess: () => {
            toasts.add(
              { tone: 'success', title: t('enrollments.reenrolled', { name, step: formatInteger(action.step) }) },
              { timeout: 5000 },
            );
            close();
          },
        },
      );
    }
  };

  const step = action?.kind === 'reenroll' ? formatInteger(action.step) : '';
  return (
    <ConfirmDialog
      isOpen={action !== null}
      onOpenChange={(open) => {
        if (!open) close();
      }}
      title={action?.kind === 'reenroll' ? t('enrollments.reenrollDialog.title', { name, step }) : t('enrollments.unenrollDialog.title', { name })}
      confirmLabel={action?.kind === 'reenroll' ? t('enrollments.reenrollDialog.confirm') : t('enrollments.unenrollDialog.confirm')}
      pendingLabel={action?.kind === 'reenroll' ? t('enrollments.reenrollDialog.pending') : t('enrollments.unenrollDialog.pending')}
      cancelLabel={t('common.cancel')}
      tone={action?.kind === 'reenroll' ? 'primary' : 'danger'}
      onConfirm={confirm}
      isPending={mutation.isPending}
      error={mutation.isError ? t(errorMessageKey(mutation.error)) : null}
    >
      <p>
        {action?.kind === 'reenroll' ? t('enrollments.reenrollDialog.body', { step }) : t('enrollments.unenrollDialog.body')}
      </p>
    </ConfirmDialog>
  );
}
