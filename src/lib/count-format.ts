/**
 * The console's one way to write a count or a size on screen: counts grouped in the browser's
 * locale, as its times are (time-format.ts), and with their noun; sizes in binary units. A
 * DOWNLOAD receipt keeps its own fixed en-US counts (features/export/format-stats.ts), so
 * receipts read alike on every machine.
 */
const COUNT = new Intl.NumberFormat();

/** `formatCount(1234567) === '1,234,567'` in an English-speaking browser. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A count and its noun: `countOf(1, 'event') === '1 event'`, `countOf(2, 'event') === '2 events'`. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Binary units, one decimal above bytes: `formatBytes(1536) === '1.5 KiB'`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
