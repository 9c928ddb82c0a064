/**
 * The side panel with one event's details: a modal <dialog>, so the page behind it is inert
 * (focus stays inside), Escape closes it, and focus goes back to what opened it.
 */
import { useId } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { useModalDialog } from '../../../components/use-modal-dialog.ts';
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
  const dialogProps = useModalDialog(onClose);
  const titleId = useId();

  return (
    <dialog {...dialogProps} className="details-dialog" aria-labelledby={titleId}>
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
