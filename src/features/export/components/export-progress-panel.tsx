import { useEffect, useId, useRef } from 'react';
import { EXPORT_FORMATS } from '../export-format.ts';
import type { JoinWait } from '../export-state.ts';
import type { ExportProgress, ExportRequest } from '../export-types.ts';
import { formatCount, formatElapsed, formatRate, formatShare } from '../format-stats.ts';
import { useNow } from '../hooks/use-now.ts';
import { formatDay } from '../../../lib/time-format.ts';
import { viewRange } from '../../../lib/range-reader/fetch-window-page.ts';
import { progressMilestone } from '../progress-milestone.ts';

interface ExportProgressPanelProps {
  request: ExportRequest;
  progress: ExportProgress;
  /** Waiting on the console's own read of the range (DOWNLOAD writes from it once it is whole). */
  joining?: JoinWait;
  startedAt: number;
  onCancel(): void;
}

/**
 * Events so far, the share of the time range read (or, from the beginning of time, how far back),
 * requests in flight, rate and elapsed time of a running export, with its Cancel button; while it
 * waits on the page's own read, that read's events.
 */
export function ExportProgressPanel({
  request,
  progress,
  joining,
  startedAt,
  onCancel,
}: ExportProgressPanelProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const elapsed = Math.max(0, useNow(1000) - startedAt);
  const { retry, readBackTo, covered } = progress;
  // A read of a view with no start goes back from now to a log's unknown beginning: it has no
  // share to show, only how far back it has come. Written from the page's read, it has one.
  const readingBack = covered === undefined && viewRange(request.query, startedAt).from === 0;
  const share = covered ?? 0;
  const events = joining ? joining.eventsRead : progress.events;
  const rangeFigure = !readingBack ? (
    formatShare(share)
  ) : readBackTo === undefined ? (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">not yet</span>
    </>
  ) : (
    formatDay(readBackTo, request.timeZone)
  );

  // The Download button is disabled while this runs, so focus moves to the one useful control.
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <section className="export-card" aria-labelledby={titleId} data-testid="export-progress">
      <h2 className="export-card__title" id={titleId}>
        Downloading {EXPORT_FORMATS[request.options.format].label}…
      </h2>
      {/* While DOWNLOAD waits on the page's own read, its figures are that read's: the export's
          own (nothing yet) would contradict the count beside it. */}
      <dl className="export-stats">
        <div>
          <dt>{joining ? 'Events read' : 'Events'}</dt>
          <dd data-testid="export-events">{formatCount(events)}</dd>
        </div>
        {/* The page's read began before DOWNLOAD was pressed: no share, requests or rate of
            the export's own to give. */}
        {!joining && (
          <>
            <div>
              <dt>{readingBack ? 'Read back to' : 'Range read'}</dt>
              <dd data-testid="export-covered">{rangeFigure}</dd>
            </div>
            <div>
              <dt>Requests</dt>
              <dd data-testid="export-in-flight">{progress.inFlight ?? 0} in flight</dd>
            </div>
            <div>
              <dt>Rate</dt>
              <dd>{formatRate(events, elapsed)}</dd>
            </div>
          </>
        )}
        <div>
          <dt>Elapsed</dt>
          <dd>{formatElapsed(elapsed)}</dd>
        </div>
      </dl>
      {/* The share of the range read, as the figure above says; a transform, so the compositor
          moves it without repainting the page on every frame. */}
      {!joining && !readingBack && (
        <div className="export-card__bar" aria-hidden="true">
          <div className="export-card__bar-fill" style={{ transform: `scaleX(${share})` }} />
        </div>
      )}
      {joining && (
        <p className="export-card__note" data-testid="export-joining">
          {joining.deciding ? (
            <>
              Waiting while this page finds out what reading the range costs: if it reads it,
              DOWNLOAD writes from that read.
            </>
          ) : (
            <>Waiting for this page’s read of the range, which DOWNLOAD writes from.</>
          )}
        </p>
      )}
      {retry && (
        <p className="export-card__note">
          Retrying a request in {Math.ceil(retry.delayMs / 1000)} s (attempt {retry.attempt}).
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {progressMilestone(progress)}
      </p>
      <div className="export-card__actions">
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
