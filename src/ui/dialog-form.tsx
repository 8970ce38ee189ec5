import type { ReactNode } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PendingForm, SubmitButton } from './pending-form';

interface DialogFormProps {
  title: string;
  /** A sentence under the title. */
  intro?: string;
  /** Why the action failed; the form stays, so the user can try again or cancel. */
  error?: string | null;
  /** Called on submit, unless the action is already running. */
  onSubmit: () => void;
  isPending: boolean;
  submitLabel: string;
  /** Shown on the submit button while the action runs. */
  pendingLabel: string;
  onCancel: () => void;
  /** The fields. */
  children: ReactNode;
}

/**
 * The inside of a dialog that asks for values and runs one action (in `ModalDialog`): title,
 * the failure, the form (a PendingForm) and Cancel and submit. While the action runs, Cancel is
 * disabled and the submit button relabelled.
 */
export function DialogForm({ title, intro, error, onSubmit, isPending, submitLabel, pendingLabel, onCancel, children }: DialogFormProps) {
  const { t } = useTranslation();
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {title}
      </Heading>
      {intro ? <p className="dialog__body">{intro}</p> : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <PendingForm isPending={isPending} onSubmit={onSubmit}>
        {children}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} disabled={isPending}>
            {t('common.cancel')}
          </button>
          <SubmitButton isPending={isPending} label={submitLabel} pendingLabel={pendingLabel} />
        </div>
      </PendingForm>
    </>
  );
}
