/**
 * The console path's own figures beside the export table: each method's time against the
 * rate limit's bound, its list requests before and after the DOWNLOAD click, and whether its
 * file equals the server's export.
 */
import { fixed, textTable } from './bench-report.ts';
import type { MethodResult } from './export-methods.ts';
import type { ListRequestCounts } from './list-requests.ts';

export interface ConsoleResult extends MethodResult, ListRequestCounts {
  /** Seconds from opening the log until the page said the range is kept (the console's read). */
  readSeconds?: number;
  /** The file's bytes equal the server's export (false when there is no file). */
  exact: boolean;
}

/** `timesBound(20.1, 5)` → 4.02: how many times the rate limit's bound a run took. */
export const timesBound = (seconds: number | undefined, boundSeconds: number) =>
  seconds === undefined ? NaN : seconds / boundSeconds;

/** One row a method: seconds, × the bound, list requests before and after the click, exact. */
export function formatConsoleTable(results: ConsoleResult[], boundSeconds: number): string {
  const header = [
    'method',
    'seconds',
    `× bound (${fixed(boundSeconds, 2)} s)`,
    'list requests before click',
    'after click',
    'file exact',
  ];
  const rows = results.map((r) => [
    r.method,
    r.error ? `failed: ${r.error.slice(0, 40)}` : fixed(r.seconds, 2),
    r.error ? '—' : `${fixed(timesBound(r.seconds, boundSeconds), 2)}×`,
    String(r.beforeClick),
    String(r.afterClick),
    r.error ? '—' : String(r.exact),
  ]);
  return textTable(header, rows);
}

/**
 * What the two runs say against the aims: the time of opening and pressing at once against the
 * bound, whether it read the range once (its list requests in all against the kept run's read,
 * the one read the index made) and what the kept DOWNLOAD asked the API after its click, by
 * address, so a request from elsewhere (the check for newer events) can be told from its own.
 */
export function formatConsoleSummary(
  atOnce: ConsoleResult | undefined,
  whenKept: ConsoleResult | undefined,
  boundSeconds: number,
): string {
  const lines: string[] = [];
  if (atOnce) {
    const read = whenKept && !whenKept.error ? `${whenKept.beforeClick}` : '—';
    lines.push(
      `open the log, DOWNLOAD at once: ${fixed(timesBound(atOnce.seconds, boundSeconds), 2)}× ` +
        `the rate-limit bound of ${fixed(boundSeconds, 2)} s (aim ≤ 1.25× over HTTP/2); ` +
        `${atOnce.beforeClick + atOnce.afterClick} list requests in all, where one read of ` +
        `the range took ${read} (aim: one read, not two)`,
    );
    const phases = formatPhases(atOnce);
    if (phases) lines.push(`  ${phases}`);
    const readSeconds = whenKept?.error ? undefined : whenKept?.readSeconds;
    if (readSeconds !== undefined && atOnce.seconds !== undefined) {
      lines.push(
        `  against the console's own read of the range (${fixed(readSeconds, 2)} s to "kept"): ` +
          `${fixed(atOnce.seconds / readSeconds, 2)}× (aim ≤ 1.1×, decision note 027)`,
      );
    }
  }
  if (whenKept) {
    lines.push(
      `DOWNLOAD once the range is kept: ${whenKept.afterClick} list requests after the click ` +
        `(aim 0), besides ${whenKept.newerChecks} checks for newer events on their own clock`,
      ...whenKept.afterClickSample.map((address) => `  after the click: ${address}`),
    );
  }
  return lines.join('\n');
}

/**
 * Where a timed run's seconds went: from the navigation to the first list request (the page's
 * start), the list requests (first sent to last answered, with its 429s), and from the last
 * answer to the file saved; undefined when the run has no phases.
 */
export function formatPhases(result: ConsoleResult): string | undefined {
  const { firstRequestMs: first, lastAnswerMs: last, seconds } = result;
  if (first === undefined || last === undefined || seconds === undefined) return undefined;
  const s = (ms: number) => `${fixed(ms / 1000, 2)} s`;
  const read = result.firstReadRequestMs;
  const readStart = read === undefined ? '' : `, the range read’s first ${s(read - first)} later`;
  const perSecond = result.answersPerSecond.length
    ? `\n  list answers per second from the first request: ${result.answersPerSecond.join(' ')}`
    : '';
  return (
    `phases: start to the first list request ${s(first)}${readStart}; list requests ` +
    `${s(last - first)} (${result.rateLimited} answered 429); last answer to the file saved ` +
    `${s(seconds * 1000 - last)}${perSecond}`
  );
}
