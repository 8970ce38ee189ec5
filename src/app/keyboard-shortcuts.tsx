import { Suspense, lazy, useEffect, useState } from 'react';
import { useFocusRescue } from './focus-rescue';

const ShortcutsDialog = lazy(() => import('./shortcuts-dialog'));

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

/**
 * The app's keyboard shortcuts, on every page: `/` goes to the page's search field, `?` lists
 * the shortcuts (neither while typing in a field, nor over a dialog). F6 is the landmarks'
 * (see landmarks.ts). Also keeps the focus from dropping to the top of the page when what had
 * it goes away (focus-rescue.ts).
 */
export function KeyboardShortcuts() {
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

  // The list's code loads the first time it is asked for.
  return isOpen ? (
    <Suspense fallback={null}>
      <ShortcutsDialog onClose={() => setOpen(false)} />
    </Suspense>
  ) : null;
}
