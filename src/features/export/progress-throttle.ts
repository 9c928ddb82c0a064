/**
 * Limits progress messages to a few per second: a run over small pages (Pulumi Cloud pages at its
 * own size) would otherwise post thousands, each a render on the page. Retries always pass, so
 * the panel says at once why the count has stopped.
 */
import type { ExportProgress } from './export-types.ts';

/** Wraps `send`: `throttleProgress(post, 100, Date.now)` passes at most one plain tick per 100 ms. */
export function throttleProgress(
  send: (progress: ExportProgress) => void,
  intervalMs: number,
  now: () => number,
): (progress: ExportProgress) => void {
  let last = -Infinity;
  return (progress) => {
    const time = now();
    if (!progress.retry && time - last < intervalMs) return;
    last = time;
    send(progress);
  };
}
