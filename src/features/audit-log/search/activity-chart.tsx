/**
 * Matching events over the view's range, one bar per bucket (a minute up to weeks, following the
 * range: bucket-size.ts), stacked by failures, category or user (`group=`). Each bar is a
 * button named by its period, count, commonest user and event, shown on hover or focus too.
 * Dragging across any bars (or Shift with the arrow keys, then Enter) narrows the view's time
 * range to them; clicking one bar, or Enter on it, opens its period; "Busiest hour" opens that
 * hour. Its props are plain values, so the table scrolling never redraws it.
 */
import {
  memo,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { SegmentedControl } from '../../../components/segmented-control.tsx';
import { OTHER_SERIES, type ChartGroup } from '../../../lib/range-index/chart-group.ts';
import type { Histogram } from '../../../lib/range-index/histogram.ts';
import {
  formatBriefDateTime,
  formatDateTime,
  type TimeFormatOptions,
} from '../../../lib/time-format.ts';
import { categoryLabel } from '../format/category-label.ts';
import { useNowSeconds } from '../format/use-now-seconds.ts';
import { barLabel, barLines, bucketSpan, describeChart } from './activity-chart-text.ts';
import { formatCount } from '../../../lib/count-format.ts';

interface ActivityChartProps {
  histogram: Histogram;
  timeZone: string | undefined;
  /** The chart's range, so the first and last bucket are cut to it. */
  from: number;
  to: number;
  /** Narrows the view to `[from, to)`. */
  onSelectRange: (from: number, to: number) => void;
  /** The stacking the view asks for (the histogram may still be the one before). */
  group: ChartGroup;
  onGroup: (group: ChartGroup) => void;
}

const GROUP_OPTIONS = [
  { value: 'failed', content: 'Failures' },
  { value: 'category', content: 'Category' },
  { value: 'user', content: 'User' },
] as const;

/** First and last bucket of a selection, whichever way it was dragged. */
type Selection = { anchor: number; to: number };
const ordered = ({ anchor, to }: Selection) => ({
  first: Math.min(anchor, to),
  last: Math.max(anchor, to),
});

function seriesLabel(group: ChartGroup, key: string, label: string): string {
  if (key === OTHER_SERIES) return group === 'user' ? 'Other users' : 'Other categories';
  return group === 'category' ? categoryLabel(key) : label;
}

/** The colour class of a stack: failures in the danger colour, "other" in grey. */
function stackClass(group: ChartGroup, key: string, i: number): string {
  if (group === 'failed') return key === 'failed' ? 'chart-stack--failed' : 'chart-stack--0';
  return key === OTHER_SERIES ? 'chart-stack--other' : `chart-stack--${i}`;
}

function busiestOf(counts: Uint32Array): number {
  let busiest = 0;
  counts.forEach((count, i) => {
    if (count > (counts[busiest] ?? 0)) busiest = i;
  });
  return busiest;
}

/** Bar `i`'s name (empty for an empty bucket): two date formats and the leaders each. */
function barLabels(
  histogram: Histogram,
  range: { from: number; to: number },
  time: TimeFormatOptions,
): string[] {
  return Array.from(histogram.counts, (count, i) =>
    count === 0 ? '' : barLabel(histogram, range, i, time),
  );
}

function Bars({
  histogram,
  labels,
  focusable,
}: {
  histogram: Histogram;
  labels: string[];
  focusable: number;
}) {
  const { counts, series, group } = histogram;
  return Array.from(counts, (count, i) => {
    if (count === 0) return <span key={i} className="activity-chart__slot" data-bucket={i} />;
    const stacks = series.flatMap((s, k) => {
      const n = s.counts[i] ?? 0;
      return n > 0 ? [{ key: s.key, className: stackClass(group, s.key, k), n }] : [];
    });
    return (
      <Bar
        key={i}
        i={i}
        count={count}
        label={labels[i] ?? ''}
        tabbable={i === focusable}
        stacks={stacks}
        stacksKey={stacks.map((x) => `${x.className}:${x.n}`).join(' ')}
      />
    );
  });
}

interface BarProps {
  i: number;
  count: number;
  label: string;
  tabbable: boolean;
  stacks: { key: string; className: string; n: number }[];
  /** What `stacks` draws, compared instead of the array made anew each time. */
  stacksKey: string;
}

/**
 * One bar, drawn again only when what it shows changes: while a read goes on, each answer
 * changes a few buckets, not all 180. Its height is its count over the chart's `--chart-max`,
 * so a new tallest bar restyles the others without rendering them.
 */
const Bar = memo(
  function Bar({ i, count, label, tabbable, stacks }: BarProps) {
    return (
      <span className="activity-chart__slot" data-bucket={i}>
        <button
          type="button"
          className="activity-chart__bar"
          data-bucket={i}
          tabIndex={tabbable ? 0 : -1}
          aria-label={label}
          style={{ '--chart-n': count } as CSSProperties}
        >
          {stacks.map((s) => (
            <span
              key={s.key}
              className={`activity-chart__stack ${s.className}`}
              style={{ flexGrow: s.n }}
            />
          ))}
        </button>
      </span>
    );
  },
  (a, b) =>
    a.i === b.i &&
    a.count === b.count &&
    a.label === b.label &&
    a.tabbable === b.tabbable &&
    a.stacksKey === b.stacksKey,
);

export const ActivityChart = memo(function ActivityChart({
  histogram,
  timeZone,
  from,
  to,
  onSelectRange,
  group: wanted,
  onGroup,
}: ActivityChartProps) {
  const { counts, group, series, busiestHour } = histogram;
  const range = useMemo(() => ({ from, to }), [from, to]);
  // The year is left out of times in this year; an hourly clock is fine enough for that.
  const nowSeconds = useNowSeconds(3_600_000);
  const time = useMemo(() => ({ timeZone, nowSeconds }), [timeZone, nowSeconds]);
  const plot = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const helpId = useId();
  const [hover, setHover] = useState<number>();
  const [focused, setFocused] = useState<number>();
  const [selection, setSelection] = useState<Selection>();
  const [dragging, setDragging] = useState(false);
  const width = counts.length;
  const filled = useMemo(() => Array.from(counts).flatMap((n, i) => (n > 0 ? [i] : [])), [counts]);
  // The bar Tab lands on: the one last focused while it still holds events, else the busiest.
  const focusable =
    focused !== undefined && (counts[focused] ?? 0) > 0 ? focused : busiestOf(counts);
  // Named once per chart: moving between bars only moves the Tab stop.
  const labels = useMemo(() => barLabels(histogram, range, time), [histogram, range, time]);
  const bars = useMemo(
    () => <Bars histogram={histogram} labels={labels} focusable={focusable} />,
    [histogram, labels, focusable],
  );

  const bucketAt = (event: PointerEvent) => {
    const box = plot.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    const i = Math.floor(((event.clientX - box.left) / box.width) * width);
    return Math.max(0, Math.min(width - 1, i));
  };
  const open = (s: Selection) => {
    const { first, last } = ordered(s);
    const span = {
      from: bucketSpan(histogram, range, first).from,
      to: bucketSpan(histogram, range, last).to,
    };
    setSelection(undefined);
    if (span.to > span.from) onSelectRange(span.from, span.to);
  };
  const focusBar = (i: number) => {
    setFocused(i);
    plot.current?.querySelector<HTMLButtonElement>(`button[data-bucket="${i}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = focused ?? focusable;
    const place = filled.indexOf(at);
    const next = {
      ArrowRight: filled[Math.min(filled.length - 1, place + 1)],
      ArrowLeft: filled[Math.max(0, place - 1)],
      Home: filled[0],
      End: filled[filled.length - 1],
    }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setSelection(event.shiftKey ? { anchor: selection?.anchor ?? at, to: next } : undefined);
      focusBar(next);
    } else if (event.key === 'Enter' && selection) {
      event.preventDefault();
      open(selection);
    } else if (event.key === 'Escape' && selection) {
      setSelection(undefined);
    }
  };

  const shown = selection ? ordered(selection) : undefined;
  const tipAt = hover ?? (focused !== undefined && !dragging ? focused : undefined);
  const tip =
    tipAt !== undefined && (counts[tipAt] ?? 0) > 0
      ? barLines(histogram, range, tipAt, time)
      : undefined;

  return (
    <section className="activity-chart" aria-labelledby={titleId}>
      <div className="activity-chart__head">
        <h2 id={titleId} className="activity-chart__title">
          Events over time
        </h2>
        <SegmentedControl
          label="Stack bars by"
          className="activity-chart__group"
          options={GROUP_OPTIONS}
          value={wanted}
          onChange={onGroup}
        />
        {busiestHour && to - from > 3600 ? (
          <button
            type="button"
            className="btn btn--secondary btn--sm activity-chart__busiest"
            onClick={() => onSelectRange(busiestHour.from, busiestHour.to)}
          >
            Busiest hour: {formatBriefDateTime(busiestHour.from, time)} (
            {formatCount(busiestHour.count)})
          </button>
        ) : null}
      </div>
      <div
        ref={plot}
        role="group"
        aria-label={describeChart(histogram, range, time)}
        aria-describedby={helpId}
        className="activity-chart__plot"
        style={{ '--chart-max': Math.max(1, ...counts) } as CSSProperties}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const i = bucketAt(e);
          setDragging(true);
          setSelection({ anchor: i, to: i });
        }}
        onPointerMove={(e) => {
          const i = bucketAt(e);
          if (i !== hover) setHover(i);
          if (dragging && selection && selection.to !== i) setSelection({ ...selection, to: i });
        }}
        onPointerUp={() => {
          setDragging(false);
          if (dragging && selection) open(selection);
        }}
        onPointerLeave={() => setHover(undefined)}
        onPointerCancel={() => {
          setDragging(false);
          setSelection(undefined);
        }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const i = Number((e.target as HTMLElement).dataset.bucket);
          if (Number.isInteger(i)) setFocused(i);
        }}
        onBlur={() => setFocused(undefined)}
        onClick={(e) => {
          // A pointer's click was handled on release; Enter or Space on a bar opens it.
          const i = Number(
            (e.target as HTMLElement).closest<HTMLElement>('button')?.dataset.bucket,
          );
          if (e.detail === 0 && Number.isInteger(i) && !selection) open({ anchor: i, to: i });
        }}
      >
        {shown ? (
          <span
            className="activity-chart__selection"
            aria-hidden="true"
            style={{
              left: `${(shown.first / width) * 100}%`,
              width: `${((shown.last - shown.first + 1) / width) * 100}%`,
            }}
          />
        ) : null}
        {bars}
      </div>
      {tip && tipAt !== undefined ? (
        <div
          className="activity-chart__tip"
          style={{ left: `${((tipAt + 0.5) / width) * 100}%` }}
          aria-hidden="true"
        >
          {tip.map((line, k) =>
            k === 0 ? <strong key={k}>{line}</strong> : <div key={k}>{line}</div>,
          )}
        </div>
      ) : null}
      <div className="activity-chart__axis" aria-hidden="true">
        <span>{formatDateTime(from, timeZone)}</span>
        <span className="muted">Drag across bars to zoom in</span>
        <span>{formatDateTime(to, timeZone)}</span>
      </div>
      <ul className="activity-chart__legend" aria-label="Stacks">
        {series.map((s, k) => (
          <li key={s.key}>
            <span className={`activity-chart__swatch ${stackClass(group, s.key, k)}`} />
            {seriesLabel(group, s.key, s.label)}
          </li>
        ))}
      </ul>
      <p id={helpId} className="sr-only">
        Each bar is a button: Enter opens its period as the time range. Arrow keys, Home and End
        move between bars; Shift with the arrow keys selects several, then Enter opens them.
      </p>
    </section>
  );
});
