/**
 * A modal <dialog> opened while mounted: the page behind it is inert (focus stays inside), Escape
 * and a click on the backdrop ask to close it, Tab wraps inside it, and on unmount focus goes
 * back to what opened it.
 */
import { useEffect, useRef } from 'react';
import { trapTab } from './trap-tab.ts';

export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      // What opened the dialog (a row, a button), when it is still on screen.
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  return {
    ref,
    // Escape fires `cancel`; keep the dialog open until the parent unmounts it.
    onCancel: (event: { preventDefault: () => void }) => {
      event.preventDefault();
      onClose();
    },
    // A click on the dialog itself (not its content) is a click on the backdrop.
    onClick: (event: { target: EventTarget; currentTarget: EventTarget }) => {
      if (event.target === event.currentTarget) onClose();
    },
    onKeyDown: trapTab,
  };
}
