import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { Role } from '../../../contract/auth';
import type { ManagedUser } from '../../../contract/users';
import { DialogForm } from '../../../ui/dialog-form';
import { ModalDialog } from '../../../ui/modal-dialog';
import { useToasts } from '../../../ui/toast-context';
import { useUpdateUserRole } from '../api/update-user';
import { RoleField } from './role-field';

/** Change role: the person's role in a select, saved on Save. */
export function ChangeRoleDialog({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useUpdateUserRole();
  const [chosen, setChosen] = useState<Role>(user.role);

  const onSubmit = () => {
    if (chosen === user.role) return onClose();
    update.mutate(
      { id: user.id, role: chosen },
      {
        onSuccess: (changed) => {
          toasts.add({ tone: 'success', title: t('users.role.changed', { name: changed.name, role: t(`roles.${changed.role}`) }) }, { timeout: 5000 });
          onClose();
        },
      },
    );
  };

  const failure = update.isError
    ? isApiError(update.error) && update.error.status === 409
      ? t('users.role.lastAdmin')
      : `${t('users.role.failed')} ${t(errorMessageKey(update.error))}`
    : null;

  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isPending={update.isPending}
    >
      <DialogForm
        title={t('users.role.title', { name: user.name })}
        error={failure}
        onSubmit={onSubmit}
        isPending={update.isPending}
        submitLabel={t('users.role.save')}
        pendingLabel={t('users.role.saving')}
        onCancel={onClose}
      >
        <RoleField label={t('users.role.label')} value={chosen} onChange={setChosen} autoFocus />
      </DialogForm>
    </ModalDialog>
  );
}
