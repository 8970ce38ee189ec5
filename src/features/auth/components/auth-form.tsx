import type { FormEvent, ReactNode, Ref } from 'react';

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

/**
 * The form of the signed-out pages (sign in, set a password): the failure, the fields (the
 * page checks them itself: `noValidate`) and one full-width submit button that, while the
 * request runs, is relabelled and stays focusable but does nothing.
 */
export function AuthForm({ failure, onSubmit, isPending, submitLabel, pendingLabel, submitRef, children }: AuthFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPending) onSubmit();
  };
  return (
    <>
      {failure ? (
        <div role="alert" className="alert alert--error">
          {failure}
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={submit} aria-busy={isPending || undefined}>
        {children}
        <button ref={submitRef} type="submit" className="button button--primary button--block" aria-disabled={isPending || undefined}>
          {isPending ? pendingLabel : submitLabel}
        </button>
      </form>
    </>
  );
}
