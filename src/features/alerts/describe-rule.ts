/** A rule's condition in words: "6 or more matches per source IP within 15 minutes". */
import type { GroupBy, RuleSettings } from './api/alerts-api.ts';

const PER: Record<GroupBy, string> = { ip: ' per source IP', user: ' per user', none: '' };

/** `describeWindow(900) === '15 minutes'`. */
export function describeWindow(seconds: number): string {
  const unit = (n: number, word: string) =>
    `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  if (seconds % 3600 === 0) return unit(seconds / 3600, 'hour');
  if (seconds % 60 === 0) return unit(seconds / 60, 'minute');
  return unit(seconds, 'second');
}

/**
 * `describeCondition({threshold: 6, windowSeconds: 900, groupBy: 'ip'})` →
 * `'6 or more matches per source IP within 15 minutes'`; a window of 0 is "every match".
 */
export function describeCondition(
  rule: Pick<RuleSettings, 'threshold' | 'windowSeconds' | 'groupBy'>,
): string {
  if (rule.windowSeconds === 0) return 'Every match';
  const count =
    rule.threshold === 1
      ? 'Any match'
      : `${rule.threshold.toLocaleString('en-US')} or more matches`;
  return `${count}${PER[rule.groupBy]} within ${describeWindow(rule.windowSeconds)}`;
}
