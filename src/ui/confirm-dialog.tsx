import type { ReactNode } from 'react';
import { Button, Heading } from 'react-aria-components';
import { ModalDialog } from './modal-dialog';

interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs. */
  pendingLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** The confirm button cannot be used yet (what to confirm is still loading, or there is nothing). */
  isConfirmDisabled?: boolean;
  /** Why the action failed; the dialog stays open so the user can try again or cancel. */
  error?: string | null;
  tone?: 'danger' | 'primary';
}

/**
 * Asks before an action that changes data: a modal alert dialog whose Cancel button takes
 * the focus first, so Enter never confirms by accident. Escape and Cancel close it unless
 * the action is already running.
 *
 * While it runs, the confirm button is disabled and relabelled rather than given react-aria's
 * isPending: that state leaves a live announcement labelled by the button, which outlives the
 * closed dialog and then points at nothing (axe: role-img-alt).
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  onConfirm,
  isPending = false,
  isConfirmDisabled = false,
  error,
  tone = 'danger',
}: ConfirmDialogProps) {
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} isPending={isPending} role="alertdialog">
      <Heading slot="title" className="dialog__title">
        {title}
      </Heading>
      {children ? <div className="dialog__body">{children}</div> : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Button className="button" onPress={() => onOpenChange(false)} isDisabled={isPending} autoFocus>
          {cancelLabel}
        </Button>
        <Button
          className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onPress={onConfirm}
          isDisabled={isPending || isConfirmDisabled}
        >
          {isPending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
