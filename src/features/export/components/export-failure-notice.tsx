import { useEffect, useRef } from 'react';
import type { ExportFailure } from '../export-types.ts';
import { saveFile } from '../save-file.ts';
import { ExportReceipt } from './export-receipt.tsx';

interface ExportFailureNoticeProps {
  failure: ExportFailure;
  onDismiss(): void;
  tz?: 'local' | 'utc';
}

/** Why an export stopped, and the partial file (with its receipt) when anything was read. */
export function ExportFailureNotice({ failure, onDismiss, tz }: ExportFailureNoticeProps) {
  const alertRef = useRef<HTMLDivElement>(null);
  const { partial } = failure;

  useEffect(() => alertRef.current?.focus(), []);

  return (
    <div className="export-failure">
      <div className="export-card export-card--error" role="alert" ref={alertRef} tabIndex={-1}>
        <h2 className="export-card__title">Download stopped</h2>
        <p>{failure.message}</p>
        {partial ? (
          <p>The events read before it stopped are offered below as a file marked PARTIAL.</p>
        ) : (
          <div className="export-card__actions">
            <button type="button" className="btn" onClick={onDismiss}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {partial && (
        <ExportReceipt
          file={partial}
          takeFocus={false}
          tz={tz}
          onDownload={() => saveFile(partial.blob, partial.fileName)}
          onDismiss={onDismiss}
        />
      )}
    </div>
  );
}
