/**
 * The count up front ("1,204 events", "at least 340 events" while the range is read) and the
 * index's state beside it: reading with Stop, stopped or failed with a way on, or waiting for
 * the person on Pulumi Cloud with what reading costs.
 */
import { Button } from '../../../components/button.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import type { SearchAnswer } from '../../../lib/range-index/index-protocol.ts';
import { formatDay } from '../../../lib/time-format.ts';
import type { RangeIndexState } from './use-range-index.ts';

interface SearchSummaryProps {
  index: RangeIndexState;
  answer: SearchAnswer | undefined;
  timeZone: string | undefined;
}

const formatMegabytes = (bytes: number) =>
  `${(bytes / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

function Count({ answer }: { answer: SearchAnswer }) {
  const text = plural(answer.count, 'event', 'events');
  return (
    <strong className="search-summary__count" data-testid="match-count">
      {answer.loading ? `At least ${text}` : text}
    </strong>
  );
}

function IndexState({ index, timeZone }: Omit<SearchSummaryProps, 'answer'>) {
  const { status, estimate, automatic, read, stop } = index;
  const { progress } = status;
  const span =
    progress.oldest !== undefined && progress.newest !== undefined
      ? `, ${formatDay(progress.oldest, timeZone)} … ${formatDay(progress.newest, timeZone)}`
      : '';
  const indexed = `${plural(progress.events, 'event', 'events')} indexed${span}`;
  switch (status.state) {
    case 'loading':
      return (
        <>
          <Spinner size={14} />
          <span>Reading the range: {indexed}</span>
          <Button size="sm" onClick={stop}>
            Stop
          </Button>
        </>
      );
    case 'stopped':
      return (
        <>
          <span>Stopped: {indexed}. Counts cover these only.</span>
          <Button size="sm" onClick={read}>
            Read the whole range
          </Button>
        </>
      );
    case 'failed':
      return (
        <>
          <span role="alert">
            Reading the range failed ({status.message}); {indexed}.
          </span>
          <Button size="sm" onClick={read}>
            Try again
          </Button>
        </>
      );
    case 'idle': {
      if (automatic || index.range === undefined) return null;
      const requests =
        estimate === undefined
          ? 'one request per 100 events'
          : `about ${estimate.requests.toLocaleString()} requests`;
      return (
        <>
          <span>
            Search, counts, the chart and facets need the whole range read from Pulumi Cloud (
            {requests}).
          </span>
          <Button size="sm" variant="primary" onClick={read}>
            Read this range
          </Button>
        </>
      );
    }
    case 'loaded':
      return (
        <>
          <span className="muted">{indexed}</span>
          {status.stored ? (
            <>
              <span className="muted">
                · kept in this browser ({formatMegabytes(status.stored.bytes)})
              </span>
              <Button size="sm" variant="ghost" onClick={index.forget}>
                Forget
              </Button>
            </>
          ) : null}
        </>
      );
  }
}

export function SearchSummary({ index, answer, timeZone }: SearchSummaryProps) {
  return (
    <div className="search-summary">
      <div aria-live="polite" aria-atomic="true" aria-busy={answer?.loading}>
        {answer ? <Count answer={answer} /> : null}
      </div>
      <div className="search-summary__index">
        <IndexState index={index} timeZone={timeZone} />
      </div>
    </div>
  );
}
