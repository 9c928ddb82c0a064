/** Numbers as the export panels print them (fixed en-US grouping, so receipts read alike everywhere). */

const COUNT = new Intl.NumberFormat('en-US');

/** `formatCount(1234567) === '1,234,567'`. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** Elapsed time as `m:ss` or `h:mm:ss`: `formatElapsed(65_000) === '1:05'`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** Events per second, `—` until a second has passed: `formatRate(5000, 2000) === '2,500/s'`. */
export function formatRate(events: number, elapsedMs: number): string {
  if (elapsedMs < 1000) return '—';
  return `${formatCount(Math.round((events * 1000) / elapsedMs))}/s`;
}

/** A share from 0 to 1 as a whole percentage, never 100% before the end: `formatShare(0.456) === '45%'`. */
export function formatShare(share: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, share)) * 100)}%`;
}
