import type { FormEvent, ReactNode } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

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
 * the failure, the form (which checks its own values: `noValidate`) and Cancel and submit.
 * While the action runs the form is busy, Cancel is disabled and the submit button, relabelled,
 * stays focusable but does nothing.
 */
export function DialogForm({ title, intro, error, onSubmit, isPending, submitLabel, pendingLabel, onCancel, children }: DialogFormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPending) onSubmit();
  };
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
      <form className="form" noValidate onSubmit={submit} aria-busy={isPending || undefined}>
        {children}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} disabled={isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={isPending || undefined}>
            {isPending ? pendingLabel : submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
