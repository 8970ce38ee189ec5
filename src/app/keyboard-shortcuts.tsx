import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import '../ui/overlays.css';
import { useFocusRescue } from './focus-rescue';

/** Where the keyboard is typing text, so that a plain key is the user's, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  // react-aria's date segments are spin buttons that take digits.
  return target.getAttribute('role') === 'spinbutton';
}

/** The search field of the screen the user is on: the first one in the main landmark. */
export function pageSearchField(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('main input[type="search"]');
}

const SHORTCUTS = [
  { keys: ['F6'], action: 'shortcuts.nextRegion' },
  { keys: ['Shift', 'F6'], action: 'shortcuts.previousRegion' },
  { keys: ['/'], action: 'shortcuts.search' },
  { keys: ['?'], action: 'shortcuts.help' },
  { keys: ['Esc'], action: 'shortcuts.escape' },
] as const;

/**
 * The app's keyboard shortcuts, on every page: `/` goes to the page's search field, `?` lists
 * the shortcuts (neither while typing in a field, nor over a dialog). F6 is the landmarks'
 * (see landmarks.ts). Also keeps the focus from dropping to the top of the page when what had
 * it goes away (focus-rescue.ts).
 */
export function KeyboardShortcuts() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  useFocusRescue();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== '/' && event.key !== '?') return;
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
        return;
      }
      const search = pageSearchField();
      if (!search) return;
      event.preventDefault();
      search.focus();
      search.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={setOpen} isDismissable className="modal-overlay">
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
  );
}
