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
    fixed(r.requests, 0),
    fixed(r.rateLimited, 0),
    fixed(r.peakInFlight, 0),
    fixed(r.peakConnections, 0),
    fixed(r.longestTaskMs, 0),
    fixed(r.peakPageHeapBytes / MB),
    fixed(r.peakWorkerHeapBytes / MB),
    fixed(r.cpu.server),
    fixed(r.cpu.browser),
    fixed(r.cpu.bench),
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
    'peak connections',
    'longest task ms',
    'page heap MB',
    'worker heap MB',
    'server CPU s',
    'browser CPU s',
    'driver CPU s',
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

/** bench/results/{name}-{time} (the folder made if needed), without an extension. */
export function resultsPath(name: string): string {
  mkdirSync(resultsDir, { recursive: true });
  return `${resultsDir}${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

/** Writes `report` as JSON to bench/results/{name}-{time}.json; returns the path. */
export function writeResults(name: string, report: unknown): string {
  const file = `${resultsPath(name)}.json`;
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

/** One line per method: the browser's CPU seconds by Chromium process kind, largest first. */
export function formatBrowserCpu(results: MethodResult[]): string {
  return results
    .map((r) => {
      const kinds = Object.entries(r.cpu.browserByKind)
        .filter(([, seconds]) => seconds >= 0.05)
        .sort(([, a], [, b]) => b - a)
        .map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)}`);
      return `  ${r.method}: browser CPU s by process: ${kinds.join(', ') || '—'}`;
    })
    .join('\n');
}
