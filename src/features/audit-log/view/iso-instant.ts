/**
 * The instants of the view URL: ISO 8601 with an explicit offset (or a bare date, read as UTC
 * midnight), in whole seconds because the API counts Unix seconds.
 */
import { formatUtcInstant } from '../../../../common/time/utc-instant.ts';

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The latest instant the view accepts (the end of year 9999), so every value prints as ISO. */
const MAX_SECONDS = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * Reads an ISO instant as Unix seconds, or undefined when it is not a real instant:
 * `parseIsoInstant('2026-11-01T00:00:00Z') === 1793491200`; `'2026-02-30'` → undefined.
 * A time without an offset is refused: it would mean a different instant in every time zone.
 */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset = 'Z'] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = fields;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 30 February over to March; a real date reads back the same.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMinutes(offset)) > 18 * 60) {
    return undefined;
  }
  const seconds = utc / 1000 - offsetMinutes(offset) * 60;
  return seconds >= 0 && seconds <= MAX_SECONDS ? seconds : undefined;
}

/** Prints Unix seconds as the URL's form: `formatIsoInstant(0) === '1970-01-01T00:00:00Z'`. */
export const formatIsoInstant = formatUtcInstant;
