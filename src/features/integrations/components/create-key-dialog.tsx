import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { INTEGRATION_SCOPES, type KeyScope } from '../../../contract/routes';
import { CopyField } from '../../../ui/copy-field';
import { useCreateKey } from '../api/create-key';

/** Create key: Name and scope, then the key itself, shown this once. */
export function CreateKeyDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const create = useCreateKey();
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (create.isPending) return;
        if (!open) create.reset();
        onOpenChange(open);
      }}
      isDismissable={!create.isPending && !create.data}
      isKeyboardDismissDisabled={create.isPending}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {({ close }) =>
            create.data ? (
              <>
                <Heading slot="title" className="dialog__title">
                  {t('integrations.created.title', { name: create.data.name })}
                </Heading>
                <CopyField
                  label={t('integrations.created.label')}
                  value={create.data.key}
                  description={t('integrations.created.note')}
                  copyLabel={t('integrations.created.copy')}
                  copiedLabel={t('integrations.created.copied')}
                  copyFailedLabel={t('integrations.created.copyFailed')}
                  autoSelect
                />
                <div className="dialog__actions">
                  <button type="button" className="button button--primary" onClick={close}>
                    {t('integrations.created.done')}
                  </button>
                </div>
              </>
            ) : (
              <CreateKeyForm create={create} onCancel={close} />
            )
          }
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function CreateKeyForm({ create, onCancel }: { create: ReturnType<typeof useCreateKey>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('activity');
  const [nameError, setNameError] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const missing = name.trim() === '';
    setNameError(missing);
    if (missing) return nameRef.current?.focus();
    create.mutate({ name: name.trim(), scope });
  };

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('integrations.form.title')}
      </Heading>
      {create.isError ? (
        <p className="alert alert--error" role="alert">
          {`${t('integrations.form.failed')} ${t(errorMessageKey(create.error))}`}
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={create.isPending || undefined}>
        <div className="field">
          <label htmlFor={`${id}-name`} className="field__label">
            {t('integrations.form.name')}
          </label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            className="input"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError || undefined}
            aria-describedby={`${id}-name-help${nameError ? ` ${id}-name-error` : ''}`}
            autoFocus
          />
          <p id={`${id}-name-help`} className="key-name-help">
            {t('integrations.form.nameHelp')}
          </p>
          {nameError ? (
            <p id={`${id}-name-error`} className="field__error">
              {t('integrations.form.nameRequired')}
            </p>
          ) : null}
        </div>
        <fieldset className="scope-options">
          <legend className="field__label">{t('integrations.form.scope')}</legend>
          {INTEGRATION_SCOPES.map((option) => (
            <div key={option} className="scope-option">
              <input
                id={`${id}-scope-${option}`}
                type="radio"
                name={`${id}-scope`}
                value={option}
                checked={scope === option}
                onChange={() => setScope(option)}
                aria-describedby={`${id}-scope-${option}-help`}
              />
              <label htmlFor={`${id}-scope-${option}`}>{t(`integrations.scopes.${option}`)}</label>
              <span id={`${id}-scope-${option}-help`} className="scope-option__help">
                {t(`integrations.scopeHelp.${option}`)}
              </span>
            </div>
          ))}
        </fieldset>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} disabled={create.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('integrations.form.creating') : t('integrations.form.create')}
          </button>
        </div>
      </form>
    </>
  );
}
