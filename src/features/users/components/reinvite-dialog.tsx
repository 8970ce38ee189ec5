import type { Invite } from '../../../contract/users';
import { ModalDialog } from '../../../ui/modal-dialog';
import { InviteLinkView } from './invite-link-view';

/** The new link made from a row's Invite, shown once. */
export function ReinviteDialog({ invite, onClose }: { invite: Invite; onClose: () => void }) {
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable={false}
    >
      <InviteLinkView invite={invite} onDone={onClose} />
    </ModalDialog>
  );
}
