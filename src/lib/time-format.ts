/**
 * The console's one time format, for the table, the pickers, the chips, the activity chart and
 * the export's receipt: absolute times to the second on a 24-hour clock, in local time or UTC as
 * the view says; the age ("4 min ago") and the exact instant with its offset on hover.
 */

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
/** The first instant of the year 10000, when ISO 8601 strings gain a sign and two digits. */
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(10_000, 0, 1);

export interface TimeFormatOptions {
  /** An IANA zone; undefined means the browser's own zone. */
  timeZone?: string;
  locale?: string;
  nowSeconds: number;
}

/**
 * "just now", "4 min ago", "3 h ago" for the last day; undefined otherwise (and for the future):
 * `formatRelative(1000, 1240) === '4 min ago'`.
 */
export function formatRelative(seconds: number, nowSeconds: number): string | undefined {
  const age = nowSeconds - seconds;
  if (age < 0 || age >= DAY) return undefined;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  return `${Math.floor(age / HOUR)} h ago`;
}

// Building an Intl.DateTimeFormat costs about ten times formatting with one, and every row
// entering the table formats its time: keep one formatter per locale, zone and shape. The key is
// the options' values in a fixed order (no JSON per call: this runs several times a row).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  let key = locale ?? '';
  for (const name in options) key += `|${name}=${String(options[name as keyof typeof options])}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** Month, day and time to the second (or minute) on a 24-hour clock; the year unless `omitYear`. */
function dateTimeFormatter(
  locale: string | undefined,
  timeZone: string | undefined,
  omitYear: boolean,
  toSecond = true,
) {
  return formatter(locale, {
    timeZone,
    year: omitYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: toSecond ? '2-digit' : undefined,
    hourCycle: 'h23',
  });
}

function yearIn(seconds: number, timeZone: string | undefined): string {
  return formatter('en-US', { timeZone, year: 'numeric' }).format(seconds * 1000);
}

/** The year of "now", asked once per row with the same `nowSeconds`: the last answer is kept. */
let lastNowYear: { seconds: number; timeZone: string | undefined; year: string } | undefined;

function yearOfNow(nowSeconds: number, timeZone: string | undefined): string {
  if (lastNowYear?.seconds !== nowSeconds || lastNowYear.timeZone !== timeZone)
    lastNowYear = { seconds: nowSeconds, timeZone, year: yearIn(nowSeconds, timeZone) };
  return lastNowYear.year;
}

/**
 * Date and time to the second, with the year only when it is not this year:
 * `formatAbsolute(0, {timeZone: 'UTC', locale: 'en-US', nowSeconds: 0})` → `'Jan 1, 00:00:00'`.
 */
export function formatAbsolute(seconds: number, options: TimeFormatOptions): string {
  const { timeZone, locale, nowSeconds } = options;
  const sameYear = yearIn(seconds, timeZone) === yearOfNow(nowSeconds, timeZone);
  return dateTimeFormatter(locale, timeZone, sameYear).format(seconds * 1000);
}

/**
 * The exact instant with its offset in a zone:
 * `formatInstantWithOffset(0, 'Europe/Paris') === '1970-01-01T01:00:00+01:00'`; UTC ends in `Z`.
 */
export function formatInstantWithOffset(seconds: number, timeZone?: string): string {
  // In UTC it is ISO 8601 without the milliseconds, for the years ISO writes with four digits;
  // far cheaper than the formatter's parts, and every row's `<time dateTime>` asks for it.
  const ms = seconds * 1000;
  if (timeZone === 'UTC' && ms >= 0 && ms < LAST_FOUR_DIGIT_YEAR_MS)
    return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const parts = formatter('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+01:00", or "GMT" or "GMT+00:00" at offset zero depending on the ICU version.
  const offset = timeZone === 'UTC' ? 'Z' : part('timeZoneName').replace('GMT', '') || '+00:00';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  return `${date}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}

export interface EventTimeText {
  /** What the cell shows: always absolute, so neighbouring rows compare at a glance. */
  label: string;
  /** The tooltip: the age within the last day, and the exact instant with its offset. */
  title: string;
  /** For `<time dateTime>`: always UTC. */
  dateTime: string;
}

/** All the texts of one event time. */
export function formatEventTime(seconds: number, options: TimeFormatOptions): EventTimeText {
  return {
    label: formatAbsolute(seconds, options),
    title: [
      formatRelative(seconds, options.nowSeconds),
      formatInstantWithOffset(seconds, options.timeZone),
    ]
      .filter(Boolean)
      .join(' · '),
    dateTime: formatInstantWithOffset(seconds, 'UTC'),
  };
}

/** The zone option for a view's `tz`: UTC by name, local as the browser's own. */
export function zoneOf(tz: 'local' | 'utc'): string | undefined {
  return tz === 'utc' ? 'UTC' : undefined;
}

/**
 * A date and time with the year, to the second: range edges, receipts:
 * `formatDateTime(0, 'UTC', 'en-US') === 'Jan 1, 1970, 00:00:00'`.
 */
export function formatDateTime(seconds: number, timeZone?: string, locale?: string): string {
  return dateTimeFormatter(locale, timeZone, false).format(seconds * 1000);
}

/**
 * An instant in compact ISO 8601 basic form with its offset, for file names in the view's zone:
 * `formatCompactInstant(0, 'Europe/Paris') === '19700101T010000+0100'`; UTC ends in `Z`.
 */
export function formatCompactInstant(seconds: number, timeZone?: string): string {
  const [date = '', time = ''] = formatInstantWithOffset(seconds, timeZone).split('T');
  // The date loses its dashes; the time its colons, keeping the offset's sign.
  return `${date.replace(/-/g, '')}T${time.replace(/:/g, '')}`;
}

/**
 * A date and time to the minute, the year left out when `omitYear`: the brief form for a
 * button; `formatShortDateTime(0, 'UTC', 'en-US', true) === 'Jan 1, 00:00'`.
 */
export function formatShortDateTime(
  seconds: number,
  timeZone?: string,
  locale?: string,
  omitYear = false,
): string {
  return dateTimeFormatter(locale, timeZone, omitYear, false).format(seconds * 1000);
}

/**
 * Whether all of `times` fall in `nowSeconds`'s year in the zone, so a brief form can leave the
 * year out; undefined ends (an open range) are left aside.
 */
export function inYearOf(
  nowSeconds: number,
  times: readonly (number | undefined)[],
  timeZone?: string,
): boolean {
  const year = yearIn(nowSeconds, timeZone);
  return times.every((t) => t === undefined || yearIn(t, timeZone) === year);
}

/**
 * A date and time to the minute, with the year only when it is not this year:
 * `formatBriefDateTime(0, {timeZone: 'UTC', locale: 'en-US', nowSeconds: 0}) === 'Jan 1, 00:00'`.
 */
export function formatBriefDateTime(seconds: number, options: TimeFormatOptions): string {
  const { timeZone, locale, nowSeconds } = options;
  return formatShortDateTime(seconds, timeZone, locale, inYearOf(nowSeconds, [seconds], timeZone));
}

const dayIn = (seconds: number, timeZone: string | undefined) =>
  formatter('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    seconds * 1000,
  );

/**
 * A span to the minute, such as a chart bar's: the day said once when both ends fall on it, the
 * year only when an end is not in this year:
 * `formatSpan({from: 0, to: 3600}, {timeZone: 'UTC', locale: 'en-US', nowSeconds: 0})` →
 * `'Jan 1, 00:00 – 01:00'`.
 */
export function formatSpan(span: { from: number; to: number }, options: TimeFormatOptions): string {
  const { timeZone, locale, nowSeconds } = options;
  const omitYear = inYearOf(nowSeconds, [span.from, span.to], timeZone);
  const from = formatShortDateTime(span.from, timeZone, locale, omitYear);
  const to =
    dayIn(span.from, timeZone) === dayIn(span.to, timeZone)
      ? formatter(locale, {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(span.to * 1000)
      : formatShortDateTime(span.to, timeZone, locale, omitYear);
  return `${from} – ${to}`;
}

/** A time of day to the second: `formatClockTime(0, 'UTC', 'en-US') === '00:00:00'`. */
export function formatClockTime(seconds: number, timeZone?: string, locale?: string): string {
  return formatter(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(seconds * 1000);
}

/** A day with its year: `formatDay(0, 'UTC', 'en-US') === 'Jan 1, 1970'`. */
export function formatDay(seconds: number, timeZone?: string, locale?: string): string {
  return formatter(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(
    seconds * 1000,
  );
}
