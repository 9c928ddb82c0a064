/**
 * Calendar ranges ("yesterday", "last month") in the view's zone. Unlike the rolling presets
 * (`range=7d`), they resolve to fixed from/to instants when picked, so the URL names exactly the
 * day or month the admin meant and a colleague opening it later sees the same events.
 */
import type { TimeZoneMode } from './view-schema.ts';

export const CALENDAR_PRESETS = [
  'today',
  'yesterday',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

export const CALENDAR_PRESET_LABELS: Record<CalendarPreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'this-week': 'This week',
  'last-week': 'Last week',
  'this-month': 'This month',
  'last-month': 'Last month',
};

/** Date arithmetic in one zone: UTC, or the browser's local time. */
interface Calendar {
  startOfDay(ms: number): Date;
  addDays(date: Date, days: number): Date;
  startOfMonth(ms: number, monthOffset: number): Date;
  weekday(date: Date): number;
}

const UTC_CALENDAR: Calendar = {
  startOfDay: (ms) => {
    const d = new Date(ms);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  },
  addDays: (date, days) =>
    new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days)),
  startOfMonth: (ms, offset) => {
    const d = new Date(ms);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  },
  weekday: (date) => date.getUTCDay(),
};

// Built from calendar fields, not by adding 86,400 s, so days around a DST change stay whole.
const LOCAL_CALENDAR: Calendar = {
  startOfDay: (ms) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate());
  },
  addDays: (date, days) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days),
  startOfMonth: (ms, offset) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth() + offset, 1);
  },
  weekday: (date) => date.getDay(),
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The `[from, to)` of a calendar preset at `nowSeconds`, weeks starting on Monday:
 * `calendarRange('yesterday', Date.UTC(2026, 10, 8, 9) / 1000, 'utc')` →
 * `{from: <Nov 7 00:00Z>, to: <Nov 8 00:00Z>}`.
 */
export function calendarRange(
  preset: CalendarPreset,
  nowSeconds: number,
  tz: TimeZoneMode,
): { from: number; to: number } {
  const cal = tz === 'utc' ? UTC_CALENDAR : LOCAL_CALENDAR;
  const nowMs = nowSeconds * 1000;
  const today = cal.startOfDay(nowMs);
  const monday = cal.addDays(today, -((cal.weekday(today) + 6) % 7));
  const ranges: Record<CalendarPreset, [Date, Date]> = {
    today: [today, cal.addDays(today, 1)],
    yesterday: [cal.addDays(today, -1), today],
    'this-week': [monday, cal.addDays(monday, 7)],
    'last-week': [cal.addDays(monday, -7), monday],
    'this-month': [cal.startOfMonth(nowMs, 0), cal.startOfMonth(nowMs, 1)],
    'last-month': [cal.startOfMonth(nowMs, -1), cal.startOfMonth(nowMs, 0)],
  };
  const [from, to] = ranges[preset];
  return { from: seconds(from), to: seconds(to) };
}
