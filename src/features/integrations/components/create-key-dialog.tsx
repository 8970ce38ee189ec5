import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { INTEGRATION_SCOPES, type KeyScope } from '../../../contract/routes';
import { DialogForm } from '../../../ui/dialog-form';
import { ModalDialog } from '../../../ui/modal-dialog';
import { OneTimeSecret } from '../../../ui/one-time-secret';
import { TextField } from '../../../ui/text-field';
import { useCreateKey } from '../api/create-key';

/** Create key: Name and scope, then the key itself, shown this once. */
export function CreateKeyDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const create = useCreateKey();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) create.reset();
        onOpenChange(open);
      }}
      isPending={create.isPending}
      isDismissable={!create.data}
    >
      {({ close }) =>
        create.data ? (
          <OneTimeSecret
            title={t('integrations.created.title', { name: create.data.name })}
            label={t('integrations.created.label')}
            value={create.data.key}
            description={t('integrations.created.note')}
            copyLabel={t('integrations.created.copy')}
            copiedLabel={t('integrations.created.copied')}
            copyFailedLabel={t('integrations.created.copyFailed')}
            doneLabel={t('integrations.created.done')}
            onDone={close}
          />
        ) : (
          <CreateKeyForm create={create} onCancel={close} />
        )
      }
    </ModalDialog>
  );
}

function CreateKeyForm({ create, onCancel }: { create: ReturnType<typeof useCreateKey>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('activity');
  const [nameError, setNameError] = useState(false);

  const onSubmit = () => {
    const missing = name.trim() === '';
    setNameError(missing);
    if (missing) return nameRef.current?.focus();
    create.mutate({ name: name.trim(), scope });
  };

  return (
    <DialogForm
      title={t('integrations.form.title')}
      error={create.isError ? `${t('integrations.form.failed')} ${t(errorMessageKey(create.error))}` : null}
      onSubmit={onSubmit}
      isPending={create.isPending}
      submitLabel={t('integrations.form.create')}
      pendingLabel={t('integrations.form.creating')}
      onCancel={onCancel}
    >
      <TextField
        ref={nameRef}
        label={t('integrations.form.name')}
        autoComplete="off"
        maxLength={100}
        value={name}
        onChange={setName}
        hint={t('integrations.form.nameHelp')}
        hintClassName="key-name-help"
        error={nameError ? t('integrations.form.nameRequired') : null}
        autoFocus
      />
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
    </DialogForm>
  );
}
