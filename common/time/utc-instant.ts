/**
 * Unix seconds as RFC 3339 UTC to the second: the CSV's Timestamp column and the screens' exact
 * UTC times. It lives apart from the CSV module so screens can use it without bundling the CSV
 * encoder (papaparse) into the page.
 */

const DAY_SECONDS = 86_400;
/** Year 10000: from there `toISOString` writes six-digit years, which the day cache does not. */
const LAST_FOUR_DIGIT_YEAR_SECONDS = 253_402_300_800;

/** The last day formatted, as `YYYY-MM-DDT`: an export's events come in time order. */
let cachedDay = Number.NaN;
let cachedDayText = '';

const twoDigits = (n: number) => (n < 10 ? '0' : '') + n;

/** `formatUtcInstant(0) === '1970-01-01T00:00:00Z'`. */
export function formatUtcInstant(unixSeconds: number): string {
  if (
    !Number.isInteger(unixSeconds) ||
    unixSeconds < 0 ||
    unixSeconds >= LAST_FOUR_DIGIT_YEAR_SECONDS
  ) {
    // Drops ".sssZ"; a slice, not a regular expression.
    return new Date(unixSeconds * 1000).toISOString().slice(0, -5) + 'Z';
  }
  // This runs once per exported event: the date part is built once a day of events, the time
  // by arithmetic (a third of an export's encoding time went to building Dates).
  const day = Math.floor(unixSeconds / DAY_SECONDS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayText = new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 11);
  }
  const second = unixSeconds - day * DAY_SECONDS;
  const hours = Math.floor(second / 3600);
  const minutes = Math.floor(second / 60) % 60;
  return `${cachedDayText}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(second % 60)}Z`;
}

/**
 * Compact UTC (ISO 8601 basic) for file names: sorts as text and has no `:`, which Windows
 * refuses: `formatCompactUtc(1793491200) === '20261101T000000Z'`.
 */
export function formatCompactUtc(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
