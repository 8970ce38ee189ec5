import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import '../ui/overlays.css';
import { AppLocale } from '../ui/app-locale';

const SHORTCUTS = [
  { keys: ['F6'], action: 'shortcuts.nextRegion' },
  { keys: ['Shift', 'F6'], action: 'shortcuts.previousRegion' },
  { keys: ['/'], action: 'shortcuts.search' },
  { keys: ['?'], action: 'shortcuts.help' },
  { keys: ['Esc'], action: 'shortcuts.escape' },
] as const;

/** The list of the keyboard shortcuts (opened with `?`, see keyboard-shortcuts.tsx). */
export default function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppLocale>
      <ModalOverlay isOpen onOpenChange={(open) => !open && onClose()} isDismissable className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog shortcuts">
            <Heading slot="title" className="dialog__title">
              {t('shortcuts.title')}
            </Heading>
            <table className="table table--compact shortcuts__table">
              <thead>
                <tr>
                  <th scope="col">{t('shortcuts.keys')}</th>
                  <th scope="col">{t('shortcuts.action')}</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map(({ keys, action }) => (
                  <tr key={action}>
                    <td className="nowrap">
                      {keys.map((key, i) => (
                        <span key={key}>
                          {i > 0 ? ' + ' : null}
                          <kbd>{key === 'Esc' ? t('shortcuts.escKey') : key === 'Shift' ? t('shortcuts.shiftKey') : key}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{t(action)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="dialog__actions">
              <Button className="button" slot="close" autoFocus>
                {t('common.close')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </AppLocale>
  );
}
