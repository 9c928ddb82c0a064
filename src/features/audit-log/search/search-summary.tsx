/**
 * The count up front ("1,204 events"; "at least 340 events" while only part of the view's range
 * is read) and the index's state beside it: reading with Stop, stopped or failed with a way on,
 * partial with which part and Read the rest, or waiting for the person on Pulumi Cloud with
 * what reading costs; once whole, how fresh it is, with Read again.
 */
import { Button } from '../../../components/button.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import { formatDay, formatRelative } from '../../../lib/time-format.ts';
import { halted } from '../../../lib/range-index/index-session.ts';
import { useNowSeconds } from '../format/use-now-seconds.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';
import type { RangeIndexState } from './use-range-index.ts';
import type { ViewAnswer } from './use-search-answer.ts';
import { describeCoverage } from './view-coverage.ts';
import { countOf, formatBytes, formatCount } from '../../../lib/count-format.ts';

interface SearchSummaryProps {
  index: RangeIndexState;
  /** The view's seconds, once its first page has resolved them. */
  range: TimeWindow | undefined;
  answer: ViewAnswer | undefined;
  timeZone: string | undefined;
}

/** Exact once counted on the whole view; a lower bound before, never 0 while counting. */
function Count({ answer }: { answer: ViewAnswer }) {
  const { exact } = answer;
  const text = countOf(answer.count, 'event', 'events');
  if (!exact && answer.count === 0 && answer.loading) {
    return (
      <strong className="search-summary__count search-summary__count--pending">Counting…</strong>
    );
  }
  return (
    <strong className="search-summary__count" data-testid="match-count">
      {exact ? text : `At least ${text}`}
    </strong>
  );
}

/** "read 3 min ago" for the newest seconds the index read, when that was today. */
function Freshness({ readAt }: { readAt: number | undefined }) {
  const now = useNowSeconds();
  if (readAt === undefined) return null;
  const age = formatRelative(Math.floor(readAt / 1000), now);
  return age ? <span className="muted">· read {age}</span> : null;
}

function IndexState({ index, range, timeZone }: Omit<SearchSummaryProps, 'answer'>) {
  const { status, read, stop } = index;
  const { progress } = status;
  const span =
    progress.oldest !== undefined && progress.newest !== undefined
      ? `, ${formatDay(progress.oldest, timeZone)} … ${formatDay(progress.newest, timeZone)}`
      : '';
  const indexed = `${countOf(progress.events, 'event', 'events')} indexed${span}`;
  // Until the view's first page has fixed its seconds, a stopped or failed read is another
  // view's (or one withdrawn), and its buttons would have no range to read.
  if (range === undefined && halted(status.state)) return null;
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
    case 'idle':
      return <ReadPrompt index={index} range={range} />;
    case 'loaded':
      if (index.coverage.kind === 'none') return <ReadPrompt index={index} range={range} />;
      if (index.coverage.kind === 'partial' && range) {
        return (
          <>
            <span>
              {describeCoverage(index.coverage.read, range, timeZone)}: counts cover that part only.
            </span>
            <Button size="sm" variant="primary" onClick={read}>
              Read the rest
            </Button>
          </>
        );
      }
      // Whole: the chart shows the span, so the count of what is held is enough.
      return (
        <>
          <span className="muted">{countOf(progress.events, 'event', 'events')} indexed</span>
          <Freshness readAt={status.readAt} />
          <Button size="sm" variant="ghost" onClick={index.reread}>
            Read again
          </Button>
          {status.stored ? (
            <>
              <span className="muted">
                · kept in this browser ({formatBytes(status.stored.bytes)})
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

/** On Pulumi Cloud, before anything of a long view is read: what reading it costs, and Read. */
function ReadPrompt({ index, range }: Pick<SearchSummaryProps, 'index' | 'range'>) {
  const { estimate, automatic, read } = index;
  if (automatic || range === undefined) return null;
  if (index.pricing === 'service') return null;
  if (index.pricing === 'cost') return <span>Finding out what reading this range costs…</span>;
  const requests =
    estimate === undefined
      ? 'one request per 100 events'
      : `about ${formatCount(estimate.requests)} requests`;
  return (
    <>
      <span>
        Search, counts, the chart and facets need the whole range read from Pulumi Cloud ({requests}
        ).
      </span>
      <Button size="sm" variant="primary" onClick={read}>
        Read this range
      </Button>
    </>
  );
}

export function SearchSummary({ index, range, answer, timeZone }: SearchSummaryProps) {
  return (
    <div className="search-summary">
      <div aria-live="polite" aria-atomic="true" aria-busy={answer?.loading}>
        {answer ? <Count answer={answer} /> : null}
      </div>
      <div className="search-summary__index">
        <IndexState index={index} range={range} timeZone={timeZone} />
      </div>
    </div>
  );
}
