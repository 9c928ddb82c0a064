/** Converts between `<input type="datetime-local">` values and Unix seconds in the view's zone. */
import { formatInstantWithOffset, zoneOf } from '../../../lib/time-format.ts';
import { parseIsoInstant } from './iso-instant.ts';
import type { TimeZoneMode } from './view-schema.ts';

const INPUT_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** To the second, so two events in one minute can be told apart: `toInputValue(0, 'utc') === '1970-01-01T00:00:00'`. */
export function toInputValue(seconds: number | undefined, tz: TimeZoneMode): string {
  if (seconds === undefined) return '';
  return formatInstantWithOffset(seconds, zoneOf(tz)).slice(0, 19);
}

/** `fromInputValue('1970-01-01T00:01', 'utc') === 60`; empty or malformed gives undefined. */
export function fromInputValue(value: string, tz: TimeZoneMode): number | undefined {
  if (!INPUT_VALUE.test(value)) return undefined;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  if (tz === 'utc') return parseIsoInstant(`${withSeconds}Z`);
  // Without an offset, Date reads a date-time as local time, which is what "local" means here.
  const ms = new Date(withSeconds).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
