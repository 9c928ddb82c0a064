/**
 * Event times formatted once per event and display setting rather than on every render: a row
 * that scrolls out and back, or re-renders for focus, reuses its texts. Kept beside the event
 * object (a WeakMap), so the texts go when a dropped page's events do.
 */
import type { TimeZoneMode } from '../view/view-schema.ts';
import { formatEventTime, zoneOf, type EventTimeText } from '../../../lib/time-format.ts';

interface CachedTime {
  tz: TimeZoneMode;
  nowSeconds: number;
  text: EventTimeText;
}

const cache = new WeakMap<object, CachedTime>();

/**
 * The texts of `event.timestamp` in zone `tz` as of `nowSeconds`, formatted on first use:
 * `eventTimeText(event, 'utc', now) === eventTimeText(event, 'utc', now)`.
 */
export function eventTimeText(
  event: { timestamp: number },
  tz: TimeZoneMode,
  nowSeconds: number,
): EventTimeText {
  const cached = cache.get(event);
  if (cached?.tz === tz && cached.nowSeconds === nowSeconds) return cached.text;
  const text = formatEventTime(event.timestamp, { timeZone: zoneOf(tz), nowSeconds });
  cache.set(event, { tz, nowSeconds, text });
  return text;
}
