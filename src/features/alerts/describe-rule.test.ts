import { describe, expect, it } from 'vitest';
import { describeCondition, describeWindow } from './describe-rule.ts';

describe('describeCondition', () => {
  it.each([
    [
      { threshold: 6, windowSeconds: 900, groupBy: 'ip' as const },
      '6 or more matches per source IP within 15 minutes',
    ],
    [{ threshold: 1, windowSeconds: 0, groupBy: 'none' as const }, 'Every match'],
    [
      { threshold: 1, windowSeconds: 3600, groupBy: 'user' as const },
      'Any match per user within 1 hour',
    ],
    [
      { threshold: 1200, windowSeconds: 90, groupBy: 'none' as const },
      '1,200 or more matches within 90 seconds',
    ],
  ])('%o reads “%s”', (rule, text) => {
    expect(describeCondition(rule)).toBe(text);
  });

  it('names whole hours and minutes', () => {
    expect(describeWindow(86_400)).toBe('24 hours');
    expect(describeWindow(60)).toBe('1 minute');
  });
});
