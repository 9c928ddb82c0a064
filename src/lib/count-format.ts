/**
 * The console's one way to write a count on screen: grouped in the browser's locale, as its
 * times are (time-format.ts), and with its noun. A DOWNLOAD receipt keeps its own fixed en-US
 * form (features/export/format-stats.ts), so receipts read alike on every machine.
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
