import './probation.css';
import { useTranslation } from 'react-i18next';
import { Button, DialogTrigger, Modal, ModalOverlay } from 'react-aria-components';
import { useToasts } from '../../../ui/toast-context';
import { ReviewWizard } from './review-wizard';

/**
 * **Review contacts**: opens the review in a sheet on the right. Focus moves into it and stays
 * there, Escape closes it, and the focus comes back to this button.
 */
export function ReviewContactsButton() {
  const { t } = useTranslation();
  const toasts = useToasts();
  return (
    <DialogTrigger>
      <Button className="button button--primary">{t('probation.banner.reviewContacts')}</Button>
      <ModalOverlay isDismissable className="sheet-overlay">
        <Modal className="sheet">
          {({ state }) => (
            <ReviewWizard
              onCompleted={() => {
                state.close();
                toasts.add({ tone: 'success', title: t('probation.lifted') }, { timeout: 8000 });
              }}
            />
          )}
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
