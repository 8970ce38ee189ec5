import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import type { Role } from '../../../contract/auth';
import { ROLES } from './roles';
import { useInviteUser } from '../api/invite-user';
import { InviteLinkView } from './invite-link-view';

type FieldErrors = { email?: 'users.form.emailRequired' | 'users.form.emailInvalid'; name?: 'users.form.nameRequired' };

// A light check for the obvious slips; the server validates the address with the contract's rule.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite user: Email, Name, Role, then the one-time invite link. */
export function InviteUserDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const invite = useInviteUser();
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (invite.isPending) return;
        if (!open) invite.reset();
        onOpenChange(open);
      }}
      isDismissable={!invite.isPending && !invite.data}
      isKeyboardDismissDisabled={invite.isPending}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {({ close }) =>
            invite.data ? (
              <InviteLinkView invite={invite.data} onDone={close} />
            ) : (
              <InviteForm invite={invite} onCancel={close} />
            )
          }
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function InviteForm({ invite, onCancel }: { invite: ReturnType<typeof useInviteUser>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('rep');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invite.isPending) return;
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
    <>
      <Heading slot="title" className="dialog__title">
        {t('users.form.title')}
      </Heading>
      <p className="dialog__body">{t('users.form.intro')}</p>
      {failure ? (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={invite.isPending || undefined}>
        <div className="field">
          <label htmlFor={`${id}-email`} className="field__label">
            {t('users.form.email')}
          </label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            className="input"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : undefined}
            autoFocus
          />
          {errors.email ? (
            <p id={`${id}-email-error`} className="field__error">
              {t(errors.email)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`} className="field__label">
            {t('users.form.name')}
          </label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            className="input"
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
          />
          {errors.name ? (
            <p id={`${id}-name-error`} className="field__error">
              {t(errors.name)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`} className="field__label">
            {t('users.form.role')}
          </label>
          <select id={`${id}-role`} className="select" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} disabled={invite.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={invite.isPending || undefined}>
            {invite.isPending ? t('users.inviting') : t('users.invite')}
          </button>
        </div>
      </form>
    </>
  );
}
