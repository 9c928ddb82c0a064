import { useEffect, useId, useRef, useState } from 'react';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../export-format.ts';
import type { ExportWorkerFactory } from '../export-protocol.ts';
import type { ExportSearch } from '../export-types.ts';
import { useExport, type IndexedSource } from '../hooks/use-export.ts';
import { saveFile } from '../save-file.ts';
import { Icon } from '../../../components/icon.tsx';
import { ExportFailureNotice } from './export-failure-notice.tsx';
import { ExportProgressPanel } from './export-progress-panel.tsx';
import { ExportReceipt } from './export-receipt.tsx';
import { FormatMenu } from './format-menu.tsx';
import './export.css';

export interface ExportButtonProps {
  /** The view to export: exactly what the log page shows. */
  query: AuditLogQuery;
  /** The view's search, when only the range index answers it. */
  search?: ExportSearch;
  /** How the page shows times; the receipt adds local times when the table is in local time. */
  view?: { tz?: 'local' | 'utc' };
  /** True while the view has nothing to export (loading, empty or failed). */
  disabled?: boolean;
  /** Why DOWNLOAD is disabled, said beside it (and to screen readers) when there is a reason. */
  disabledReason?: string;
  /** The view's events from the console's range index, when it holds them (no API requests). */
  openIndexedSource?: IndexedSource;
  /** Replaces the real worker (tests, benchmarks). */
  createWorker?: ExportWorkerFactory;
}

/**
 * DOWNLOAD for the log page's toolbar: exports every event of `query` (all pages) as CSV or
 * JSON Lines in a worker, shows progress, then a receipt with the file's SHA-256.
 */
export function ExportButton({
  query,
  search,
  view,
  disabled,
  disabledReason,
  openIndexedSource,
  createWorker,
}: ExportButtonProps) {
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const { state, start, cancel, dismiss } = useExport(createWorker);
  const downloadRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const reasonId = useId();

  // Cancel and Dismiss remove the control that had focus; give it back to Download once enabled.
  useEffect(() => {
    if (returnFocus.current && state.status === 'idle') {
      returnFocus.current = false;
      downloadRef.current?.focus();
    }
  }, [state.status]);

  const close = (action: () => void) => () => {
    returnFocus.current = true;
    action();
  };

  return (
    <div className="export">
      <div
        className="export__controls"
        role="group"
        aria-label="Download"
        title={disabled ? disabledReason : undefined}
      >
        <button
          ref={downloadRef}
          type="button"
          // Clear but calm: the page's primary control is the search, not the export.
          className="btn btn--secondary export__download"
          disabled={disabled || state.status === 'running'}
          aria-describedby={disabled && disabledReason ? reasonId : undefined}
          onClick={() =>
            start(
              {
                query,
                search,
                options,
                host: window.location.hostname,
                timeZone: view?.tz === 'utc' ? 'UTC' : undefined,
              },
              openIndexedSource,
            )
          }
        >
          <Icon name="download" size={14} />
          Download
        </button>
        <FormatMenu options={options} onChange={setOptions} />
      </div>
      {disabled && disabledReason ? (
        // The page already shows why (its empty or error state); this tells screen readers on
        // the button itself, and sighted users on hover.
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      ) : null}
      {state.status === 'running' && (
        <ExportProgressPanel
          request={state.request}
          progress={state.progress}
          joining={state.joining}
          startedAt={state.startedAt}
          onCancel={close(cancel)}
        />
      )}
      {state.status === 'complete' && (
        <ExportReceipt
          file={state.file}
          tz={view?.tz}
          onDownload={() => saveFile(state.file.blob, state.file.fileName)}
          onDismiss={close(dismiss)}
        />
      )}
      {state.status === 'failed' && (
        <ExportFailureNotice failure={state.failure} tz={view?.tz} onDismiss={close(dismiss)} />
      )}
    </div>
  );
}
