/**
 * Matching events over the view's range, one bar per bucket, authentication failures stacked
 * apart. Hovering a bar shows its counts; dragging across bars (or clicking one) narrows the
 * view's time range to them. For screen readers it is an image with a name that says what it
 * shows, and a table of the buckets that hold events.
 */
import { useRef, useState, type PointerEvent } from 'react';
import type { Histogram } from '../../../lib/range-index/histogram.ts';
import { formatDateTime } from '../../../lib/time-format.ts';

interface ActivityChartProps {
  histogram: Histogram;
  timeZone: string | undefined;
  /** The view's range, so the first and last bucket are cut to it. */
  range: { from: number; to: number };
  /** Narrows the view to `[from, to)`. */
  onSelectRange: (from: number, to: number) => void;
}

const HEIGHT = 56;

function bucketSpan(histogram: Histogram, range: { from: number; to: number }, i: number) {
  const start = histogram.start + i * histogram.bucketSeconds;
  return {
    from: Math.max(range.from, start),
    to: Math.min(range.to, start + histogram.bucketSeconds),
  };
}

function describeChart(
  histogram: Histogram,
  total: number,
  range: { from: number; to: number },
  timeZone: string | undefined,
) {
  let busiest = 0;
  histogram.counts.forEach((count, i) => {
    if (count > (histogram.counts[busiest] ?? 0)) busiest = i;
  });
  const failures = histogram.failures.reduce((a, b) => a + b, 0);
  const peak = histogram.counts[busiest] ?? 0;
  const parts = [
    `Activity chart: ${total.toLocaleString()} matching events`,
    failures > 0 ? `${failures.toLocaleString()} authentication failures` : undefined,
    `from ${formatDateTime(range.from, timeZone)} to ${formatDateTime(range.to, timeZone)}`,
    peak > 0
      ? `busiest at ${formatDateTime(bucketSpan(histogram, range, busiest).from, timeZone)} with ${peak.toLocaleString()}`
      : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}

export function ActivityChart({ histogram, timeZone, range, onSelectRange }: ActivityChartProps) {
  const { counts, failures } = histogram;
  const svg = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number>();
  const [drag, setDrag] = useState<{ from: number; to: number }>();
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const width = counts.length;

  const bucketAt = (event: PointerEvent) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    const i = Math.floor(((event.clientX - box.left) / box.width) * width);
    return Math.max(0, Math.min(width - 1, i));
  };
  const selected = drag
    ? { first: Math.min(drag.from, drag.to), last: Math.max(drag.from, drag.to) }
    : undefined;
  const tip = hover !== undefined ? bucketSpan(histogram, range, hover) : undefined;

  return (
    <figure className="activity-chart">
      <svg
        ref={svg}
        role="img"
        aria-label={describeChart(histogram, total, range, timeZone)}
        className="activity-chart__plot"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const i = bucketAt(e);
          setDrag({ from: i, to: i });
        }}
        onPointerMove={(e) => {
          const i = bucketAt(e);
          setHover(i);
          if (drag) setDrag({ ...drag, to: i });
        }}
        onPointerUp={() => {
          if (!selected) return;
          setDrag(undefined);
          const from = bucketSpan(histogram, range, selected.first).from;
          const to = bucketSpan(histogram, range, selected.last).to;
          if (to > from) onSelectRange(from, to);
        }}
        onPointerLeave={() => setHover(undefined)}
        onPointerCancel={() => setDrag(undefined)}
      >
        {selected ? (
          <rect
            className="activity-chart__selection"
            x={selected.first}
            width={selected.last - selected.first + 1}
            y={0}
            height={HEIGHT}
          />
        ) : null}
        {Array.from(counts, (count, i) => {
          if (count === 0) return null;
          const failed = failures[i] ?? 0;
          const h = Math.max(1.5, (count / max) * HEIGHT);
          const hf = (failed / count) * h;
          return (
            <g key={i} className={hover === i ? 'activity-chart__bar--hover' : undefined}>
              <rect
                className="activity-chart__bar"
                x={i + 0.1}
                width={0.8}
                y={HEIGHT - h}
                height={h - hf}
              />
              {failed > 0 ? (
                <rect
                  className="activity-chart__bar activity-chart__bar--failed"
                  x={i + 0.1}
                  width={0.8}
                  y={HEIGHT - hf}
                  height={hf}
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      {tip && hover !== undefined ? (
        <div
          className="activity-chart__tip"
          style={{ left: `${((hover + 0.5) / width) * 100}%` }}
          aria-hidden="true"
        >
          <strong>{(counts[hover] ?? 0).toLocaleString()} events</strong>
          {(failures[hover] ?? 0) > 0 ? (
            <span className="activity-chart__tip-failed">
              {' '}
              · {(failures[hover] ?? 0).toLocaleString()} failed
            </span>
          ) : null}
          <br />
          {formatDateTime(tip.from, timeZone)} – {formatDateTime(tip.to, timeZone)}
        </div>
      ) : null}
      <figcaption className="activity-chart__axis" aria-hidden="true">
        <span>{formatDateTime(range.from, timeZone)}</span>
        <span className="muted">Drag across the chart to zoom in</span>
        <span>{formatDateTime(range.to, timeZone)}</span>
      </figcaption>
      <table className="sr-only">
        <caption>Matching events per period</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Events</th>
            <th scope="col">Authentication failures</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(counts, (count, i) =>
            count > 0 ? (
              <tr key={i}>
                <th scope="row">
                  {formatDateTime(bucketSpan(histogram, range, i).from, timeZone)}
                </th>
                <td>{count}</td>
                <td>{failures[i] ?? 0}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </figure>
  );
}
