import { Button, Dialog, DialogTrigger, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SequenceDetail } from '../../../contract/sequences';
import { EnrollContactsForm } from './enroll-contacts-form';

/** The header's Enroll contacts button and its dialog. */
export function EnrollContactsButton({ sequence }: { sequence: SequenceDetail }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button button--primary">{t('enroll.open')}</Button>
      <ModalOverlay className="modal-overlay">
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {({ close }) => <EnrollContactsForm sequence={sequence} onClose={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
