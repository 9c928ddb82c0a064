/**
 * Unix seconds as RFC 3339 UTC to the second: the CSV's Timestamp column and the screens' exact
 * UTC times. It lives apart from the CSV module so screens can use it without bundling the CSV
 * encoder (papaparse) into the page.
 */

/** `formatUtcInstant(0) === '1970-01-01T00:00:00Z'`. */
export function formatUtcInstant(unixSeconds: number): string {
  // Drops ".sssZ"; a slice, not a regular expression: this runs once per exported event.
  return new Date(unixSeconds * 1000).toISOString().slice(0, -5) + 'Z';
}

/**
 * Compact UTC (ISO 8601 basic) for file names: sorts as text and has no `:`, which Windows
 * refuses: `formatCompactUtc(1793491200) === '20261101T000000Z'`.
 */
export function formatCompactUtc(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
