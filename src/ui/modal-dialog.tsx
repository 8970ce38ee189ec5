import './overlays.css';
import { Dialog, Modal, ModalOverlay, type DialogProps } from 'react-aria-components';

interface ModalDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** The dialog's action is running: Escape, a click outside and onOpenChange do nothing. */
  isPending?: boolean;
  /** A click outside closes it (when nothing is running). */
  isDismissable?: boolean;
  role?: DialogProps['role'];
  /** The content, or a function of `close` (react-aria's Dialog). */
  children: DialogProps['children'];
}

/**
 * The modal frame of the app's dialogs (react-aria's overlay, modal and dialog, which hold the
 * focus inside and give it back on close), which stays open while its action runs.
 */
export function ModalDialog({ isOpen, onOpenChange, isPending = false, isDismissable = true, role, children }: ModalDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!isPending) onOpenChange(open);
      }}
      isDismissable={isDismissable && !isPending}
      isKeyboardDismissDisabled={isPending}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog role={role} className="dialog">
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
