import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { ManagedUser } from '../../../contract/users';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { useToasts } from '../../../ui/toast-context';
import { useDeactivateUser } from '../api/deactivate-user';

/** Asks before Deactivate, which signs the person out everywhere at once. */
export function DeactivateUserDialog({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const deactivate = useDeactivateUser();
  const failure = deactivate.isError
    ? isApiError(deactivate.error) && deactivate.error.status === 409
      ? t('users.role.lastAdmin')
      : `${t('users.deactivateDialog.failed', { name: user.name })} ${t(errorMessageKey(deactivate.error))}`
    : null;
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('users.deactivateDialog.title', { name: user.name })}
      confirmLabel={t('users.deactivate')}
      pendingLabel={t('users.deactivateDialog.pending')}
      cancelLabel={t('common.cancel')}
      isPending={deactivate.isPending}
      error={failure}
      onConfirm={() =>
        deactivate.mutate(user.id, {
          onSuccess: () => {
            toasts.add({ tone: 'success', title: t('users.deactivateDialog.done', { name: user.name }) }, { timeout: 5000 });
            onClose();
          },
        })
      }
    >
      <p>{t('users.deactivateDialog.body', { name: user.name })}</p>
    </ConfirmDialog>
  );
}
