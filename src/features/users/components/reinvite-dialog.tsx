import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import type { Invite } from '../../../contract/users';
import { InviteLinkView } from './invite-link-view';

/** The new link made from a row's Invite, shown once. */
export function ReinviteDialog({ invite, onClose }: { invite: Invite; onClose: () => void }) {
  return (
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <InviteLinkView invite={invite} onDone={onClose} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
