import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { Role } from '../../../contract/auth';
import { DialogForm } from '../../../ui/dialog-form';
import { ModalDialog } from '../../../ui/modal-dialog';
import { TextField } from '../../../ui/text-field';
import { useInviteUser } from '../api/invite-user';
import { InviteLinkView } from './invite-link-view';
import { RoleField } from './role-field';

type FieldErrors = { email?: 'users.form.emailRequired' | 'users.form.emailInvalid'; name?: 'users.form.nameRequired' };

// A light check for the obvious slips; the server validates the address with the contract's rule.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite user: Email, Name, Role, then the one-time invite link. */
export function InviteUserDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const invite = useInviteUser();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) invite.reset();
        onOpenChange(open);
      }}
      isPending={invite.isPending}
      isDismissable={!invite.data}
    >
      {({ close }) =>
        invite.data ? <InviteLinkView invite={invite.data} onDone={close} /> : <InviteForm invite={invite} onCancel={close} />
      }
    </ModalDialog>
  );
}

function InviteForm({ invite, onCancel }: { invite: ReturnType<typeof useInviteUser>; onCancel: () => void }) {
  const { t } = useTranslation();
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('rep');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = () => {
    const found: FieldErrors = {};
    if (email.trim() === '') found.email = 'users.form.emailRequired';
    else if (!LOOKS_LIKE_EMAIL.test(email.trim())) found.email = 'users.form.emailInvalid';
    if (name.trim() === '') found.name = 'users.form.nameRequired';
    setErrors(found);
    if (found.email) return emailRef.current?.focus();
    if (found.name) return nameRef.current?.focus();
    invite.mutate({ email: email.trim(), name: name.trim(), role });
  };

  const failure = invite.isError
    ? isApiError(invite.error) && invite.error.status === 409
      ? t('users.form.alreadyHere')
      : `${t('users.form.failed')} ${t(errorMessageKey(invite.error))}`
    : null;

  return (
    <DialogForm
      title={t('users.form.title')}
      intro={t('users.form.intro')}
      error={failure}
      onSubmit={onSubmit}
      isPending={invite.isPending}
      submitLabel={t('users.invite')}
      pendingLabel={t('users.inviting')}
      onCancel={onCancel}
    >
      <TextField
        ref={emailRef}
        label={t('users.form.email')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={errors.email ? t(errors.email) : null}
        autoFocus
      />
      <TextField
        ref={nameRef}
        label={t('users.form.name')}
        autoComplete="off"
        value={name}
        onChange={setName}
        error={errors.name ? t(errors.name) : null}
      />
      <RoleField label={t('users.form.role')} value={role} onChange={setRole} />
    </DialogForm>
  );
}
