/**
 * What the progress region announces to screen readers: milestones only (start, every 100,000
 * events, a wait before a retry), never every tick, which would drown out everything else.
 */
import type { ExportProgress } from './export-types.ts';
import { formatCount } from './format-stats.ts';

export const MILESTONE_EVENTS = 100_000;

const RETRY_REASONS = {
  'rate-limited': 'The server asked to slow down',
  server: 'The server failed',
  network: 'The connection failed',
} as const;

/**
 * The announcement for the current progress:
 * `progressMilestone({events: 250_000, pages: 25})` announces 200,000 events.
 */
export function progressMilestone(progress: ExportProgress): string {
  const { retry } = progress;
  if (retry && retry.kind in RETRY_REASONS) {
    const reason = RETRY_REASONS[retry.kind as keyof typeof RETRY_REASONS];
    return `${reason}; retrying in ${Math.ceil(retry.delayMs / 1000)} seconds.`;
  }
  const reached = Math.floor(progress.events / MILESTONE_EVENTS) * MILESTONE_EVENTS;
  return reached === 0 ? 'Download started.' : `${formatCount(reached)} events so far.`;
}
