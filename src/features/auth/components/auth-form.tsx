import type { ReactNode, Ref } from 'react';
import { PendingForm, SubmitButton } from '../../../ui/pending-form';

interface AuthFormProps {
  /** Why the last submit failed, translated. */
  failure: string | null;
  /** Called on submit, unless the request is already running. */
  onSubmit: () => void;
  isPending: boolean;
  submitLabel: string;
  /** Shown on the submit button while the request runs. */
  pendingLabel: string;
  submitRef?: Ref<HTMLButtonElement>;
  /** The fields. */
  children: ReactNode;
}

/** The form of the signed-out pages (sign in, set a password): the failure, the fields and one full-width submit button. */
export function AuthForm({ failure, onSubmit, isPending, submitLabel, pendingLabel, submitRef, children }: AuthFormProps) {
  return (
    <>
      {failure ? (
        <div role="alert" className="alert alert--error">
          {failure}
        </div>
      ) : null}
      <PendingForm isPending={isPending} onSubmit={onSubmit}>
        {children}
        <SubmitButton ref={submitRef} isPending={isPending} label={submitLabel} pendingLabel={pendingLabel} block />
      </PendingForm>
    </>
  );
}
