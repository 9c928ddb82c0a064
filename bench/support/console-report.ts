/**
 * The console path's own figures beside the export table: each method's time against the
 * rate limit's bound, its list requests before and after the DOWNLOAD click, and whether its
 * file equals the server's export.
 */
import { fixed, textTable } from './bench-report.ts';
import type { MethodResult } from './export-methods.ts';
import type { ListRequestCounts } from './list-requests.ts';

export interface ConsoleResult extends MethodResult, ListRequestCounts {
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
