/**
 * The side panel with one event's details: a modal <dialog>, so the page behind it is inert
 * (focus stays inside), Escape closes it, and focus goes back to what opened it.
 */
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { trapTab } from '../../../components/trap-tab.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { eventDisplayName } from '../../../../common/pulumi/event-catalog.ts';
import { CopyJsonButton } from './copy-json-button.tsx';
import { EventDetails } from './event-details.tsx';

interface EventDetailsDialogProps {
  event: AuditLogEvent;
  onClose: () => void;
  onFilterUser: (login: string) => void;
  onFilterToken?: (token: string) => void;
  /** The address of a link to this event, read when copied. */
  link?: () => string;
}

export function EventDetailsDialog({
  event,
  onClose,
  onFilterUser,
  onFilterToken,
  link,
}: EventDetailsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      // The row that opened the panel, when it is still on screen.
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="details-dialog"
      aria-labelledby={titleId}
      // Escape fires `cancel`; keep the dialog open until the parent unmounts it.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // A click on the dialog itself (not its content) is a click on the backdrop.
      onClick={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={trapTab}
    >
      <div className="details-dialog__panel">
        <header className="details-dialog__header">
          <h2 id={titleId} className="details-dialog__title">
            {eventDisplayName(event.event)}
          </h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label="Close details">
            <Icon name="close" />
          </button>
        </header>
        <div className="details-dialog__body">
          <EventDetails event={event} onFilterUser={onFilterUser} onFilterToken={onFilterToken} />
        </div>
        <footer className="details-dialog__footer">
          {link ? (
            <CopyButton
              label="Copy link to this event"
              icon="link"
              text={link}
              copiedMessage="Link to the event copied to the clipboard"
              failedMessage="The link could not be copied"
            />
          ) : null}
          <CopyJsonButton value={event} />
        </footer>
      </div>
    </dialog>
  );
}
