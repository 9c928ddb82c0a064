import { describe, expect, it } from 'vitest';
import { estimateEvents, readsByItself } from './index-policy.ts';

describe('estimateEvents', () => {
  it('is the page itself when nothing follows', () => {
    expect(estimateEvents({ events: 40, more: false }, { from: 0, to: 1e9 })).toBe(40);
  });

  it('scales the first page’s density to the range', () => {
    const page = { events: 100, newest: 1_000, oldest: 901, more: true };
    // 100 events in the last 100 seconds of a range of 10,000 seconds.
    expect(estimateEvents(page, { from: -8_999, to: 1_001 })).toBe(10_000);
  });

  it('cannot say from a page of one second', () => {
    const page = { events: 100, newest: 5, oldest: 5, more: true };
    expect(estimateEvents(page, { from: 0, to: 6 })).toBeUndefined();
  });
});

describe('readsByItself', () => {
  it('always reads from the embedded service', () => {
    expect(readsByItself('embedded', undefined)).toBe(true);
    expect(readsByItself('embedded', 5_000_000)).toBe(true);
  });

  it('reads from Pulumi Cloud only what is known to be small', () => {
    expect(readsByItself('pulumi-cloud', 20_000)).toBe(true);
    expect(readsByItself('pulumi-cloud', 20_001)).toBe(false);
    expect(readsByItself('pulumi-cloud', undefined)).toBe(false);
    expect(readsByItself(undefined, 10)).toBe(false);
  });
});
