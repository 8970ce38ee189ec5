import { useId, useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { Role } from '../../../contract/auth';
import type { ManagedUser } from '../../../contract/users';
import { useToasts } from '../../../ui/toast-context';
import { useUpdateUserRole } from '../api/update-user';
import { ROLES } from './roles';

/** Change role: the person's role in a select, saved on Save. */
export function ChangeRoleDialog({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const toasts = useToasts();
  const update = useUpdateUserRole();
  const [role, setRole] = useState<Role>(user.role);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    if (role === user.role) return onClose();
    update.mutate(
      { id: user.id, role },
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
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open && !update.isPending) onClose();
      }}
      isDismissable={!update.isPending}
      isKeyboardDismissDisabled={update.isPending}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            {t('users.role.title', { name: user.name })}
          </Heading>
          {failure ? (
            <p className="alert alert--error" role="alert">
              {failure}
            </p>
          ) : null}
          <form className="form" onSubmit={onSubmit} aria-busy={update.isPending || undefined}>
            <div className="field">
              <label htmlFor={`${id}-role`} className="field__label">
                {t('users.role.label')}
              </label>
              <select
                id={`${id}-role`}
                className="select"
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
                autoFocus
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="dialog__actions">
              <button type="button" className="button" onClick={onClose} disabled={update.isPending}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button button--primary" aria-disabled={update.isPending || undefined}>
                {update.isPending ? t('users.role.saving') : t('users.role.save')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
