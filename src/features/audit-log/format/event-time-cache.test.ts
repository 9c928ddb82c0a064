import { describe, expect, it } from 'vitest';
import { eventTimeText } from './event-time-cache.ts';

const NOW = 1_800_000_000;

describe('eventTimeText', () => {
  it('formats an event once for the same zone and clock', () => {
    const event = { timestamp: NOW - 240 };
    const first = eventTimeText(event, 'utc', NOW);
    expect(first.title).toMatch(/^4 min ago/);
    expect(eventTimeText(event, 'utc', NOW)).toBe(first);
  });

  it('formats again when the zone or the clock moves', () => {
    const event = { timestamp: NOW - 240 };
    const utc = eventTimeText(event, 'utc', NOW);
    expect(eventTimeText(event, 'utc', NOW + 60).title).toMatch(/^5 min ago/);
    expect(eventTimeText(event, 'local', NOW + 60)).not.toBe(utc);
  });

  it('keeps each event’s own texts', () => {
    const older = { timestamp: NOW - 7200 };
    expect(eventTimeText(older, 'utc', NOW).title).toMatch(/^2 h ago/);
    expect(eventTimeText({ timestamp: NOW }, 'utc', NOW).title).toMatch(/^just now/);
  });
});
