import { useEffect, useId, useRef } from 'react';
import { describeFilters, describeLocalRange, describeRange } from '../describe-query.ts';
import { EXPORT_FORMATS } from '../export-format.ts';
import type { ExportFile } from '../export-types.ts';
import { formatBytes } from '../../../lib/count-format.ts';
import { formatCount } from '../format-stats.ts';

interface ExportReceiptProps {
  file: ExportFile;
  onDownload(): void;
  onDismiss(): void;
  /** Move focus to the heading when shown (off when a failure notice takes focus instead). */
  takeFocus?: boolean;
  /** The table's time zone; in `local`, the range is also shown in local time. */
  tz?: 'local' | 'utc';
}

/**
 * What a finished file holds, with its SHA-256, so an auditor can check the file later
 * (`sha256sum FILE` must print the same digest).
 */
export function ExportReceipt({
  file,
  onDownload,
  onDismiss,
  takeFocus = true,
  tz = 'utc',
}: ExportReceiptProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { query, options } = file.request;

  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus]);

  return (
    <section className="export-card" aria-labelledby={titleId} data-testid="export-receipt">
      <h2 className="export-card__title" id={titleId} ref={headingRef} tabIndex={-1}>
        {file.partial ? 'Partial file: not every event' : 'Download ready'}
      </h2>
      <dl className="export-receipt">
        <dt>File</dt>
        <dd className="export-receipt__mono">{file.fileName}</dd>
        <dt>Organization</dt>
        <dd>{query.org}</dd>
        <dt>Filters</dt>
        <dd>{describeFilters(query)}</dd>
        {file.request.search ? (
          <>
            <dt>Search</dt>
            <dd className="export-receipt__mono">
              {[file.request.search.filter, file.request.search.q].filter(Boolean).join(' ')}
            </dd>
          </>
        ) : null}
        <dt>Range (UTC)</dt>
        <dd>{describeRange(query, file.startedAt)}</dd>
        {tz === 'local' && (
          <>
            <dt>Range (local)</dt>
            <dd>{describeLocalRange(query, file.startedAt)}</dd>
          </>
        )}
        <dt>Format</dt>
        <dd>
          {EXPORT_FORMATS[options.format].label}
          {options.format === 'csv' && options.excelBom ? ', UTF-8 with BOM' : ''}
        </dd>
        <dt>Events</dt>
        <dd data-testid="receipt-events">{formatCount(file.events)}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(file.bytes)} ({formatCount(file.bytes)} bytes)
        </dd>
        <dt>SHA-256</dt>
        <dd className="export-receipt__mono export-receipt__hash" data-testid="receipt-sha256">
          {file.sha256}
        </dd>
      </dl>
      <div className="export-card__actions">
        <button type="button" className="btn btn--primary" onClick={onDownload}>
          {file.partial ? 'Download partial file' : 'Download again'}
        </button>
        <button type="button" className="btn" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
