/**
 * `BENCH_ONLY` for the export benchmark: which of its parts to run. Unset or empty: all of
 * them; `console`: only the console's own path (the log page, fresh, Pulumi-like), which needs
 * no harness build and no local sizes; `harness`: only the methods run in the harness page.
 */
export const EXPORT_BENCH_PARTS = ['harness', 'console'] as const;
export type ExportBenchPart = (typeof EXPORT_BENCH_PARTS)[number];

/** `exportBenchParts('console')` → {console}; `exportBenchParts(undefined)` → every part. */
export function exportBenchParts(value: string | undefined): Set<ExportBenchPart> {
  const wanted = value?.trim() ?? '';
  if (wanted === '') return new Set(EXPORT_BENCH_PARTS);
  const part = EXPORT_BENCH_PARTS.find((name) => name === wanted);
  if (!part) {
    throw new Error(
      `BENCH_ONLY must be one of ${EXPORT_BENCH_PARTS.join(', ')} (or unset for all), not "${wanted}"`,
    );
  }
  return new Set([part]);
}
