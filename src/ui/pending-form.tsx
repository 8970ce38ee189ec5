import type { FormEvent, ReactNode, Ref } from 'react';

interface PendingFormProps {
  isPending: boolean;
  /** Called on submit, unless the request is already running. */
  onSubmit: () => void;
  children: ReactNode;
}

/** A form that checks its own values (`noValidate`), busy while its request runs. */
export function PendingForm({ isPending, onSubmit, children }: PendingFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPending) onSubmit();
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={isPending || undefined}>
      {children}
    </form>
  );
}

interface SubmitButtonProps {
  isPending: boolean;
  label: string;
  /** Shown instead of the label while the request runs. */
  pendingLabel: string;
  /** Full width (the signed-out pages). */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The primary submit button of a PendingForm. While the request runs it is relabelled and
 * aria-disabled rather than disabled, so it keeps the focus.
 */
export function SubmitButton({ isPending, label, pendingLabel, block = false, ref }: SubmitButtonProps) {
  return (
    <button
      ref={ref}
      type="submit"
      className={block ? 'button button--primary button--block' : 'button button--primary'}
      aria-disabled={isPending || undefined}
    >
      {isPending ? pendingLabel : label}
    </button>
  );
}
