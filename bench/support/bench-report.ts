/** Prints the benchmark's table and writes its JSON into bench/results/ (git-ignored). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MethodResult } from './export-methods.ts';

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
export const MB = 1024 * 1024;

export const fixed = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

/** A plain-text table of the runs with each run's time relative to the first (ours). */
export function formatTable(results: MethodResult[]): string {
  const ours = results[0]?.seconds;
  const rows = results.map((r) => [
    r.method,
    r.error ? `failed: ${r.error.slice(0, 40)}` : fixed(r.seconds, 2),
    r.seconds && r.events ? Math.round(r.events / r.seconds).toLocaleString('en-US') : '—',
    fixed(r.bytes === undefined ? undefined : r.bytes / MB),
    String(r.requests),
    String(r.rateLimited),
    String(r.peakInFlight),
    fixed(r.longestTaskMs, 0),
    fixed(r.peakPageHeapBytes / MB),
    fixed(r.peakWorkerHeapBytes / MB),
    ours && r.seconds ? `${(r.seconds / ours).toFixed(2)}×` : '—',
  ]);
  const header = [
    'method',
    'seconds',
    'events/s',
    'file MB',
    'requests',
    '429s',
    'peak in flight',
    'longest task ms',
    'page heap MB',
    'worker heap MB',
    'time vs ours',
  ];
  return textTable(header, rows);
}

/** A plain-text table with a header row, columns padded to their widest cell. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Writes `report` as JSON to bench/results/{name}-{time}.json; returns the path. */
export function writeResults(name: string, report: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

/** The machine a run was measured on, for its report: cores, CPU, load, Node and Chromium. */
export function machineInfo(chromiumVersion: string) {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model,
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
    node: process.version,
    chromium: chromiumVersion,
  };
}
