/**
 * Test helpers: synthetic events and a scripted page fetcher that answers each call with the
 * next planned outcome, recording which continuation token every call asked for.
 */
import type { AuditLogEvent, AuditLogPage } from '../../common/pulumi/wire-types.ts';
import type { PageFetcher } from '../../common/pulumi/retrying-fetcher.ts';

/** A small valid event whose timestamp identifies it: `testEvent(5).timestamp === 5`. */
export function testEvent(
  timestamp: number,
  overrides: Partial<AuditLogEvent> = {},
): AuditLogEvent {
  return {
    timestamp,
    sourceIP: '203.0.113.7',
    event: 'stack-created',
    description: `Event ${timestamp}`,
    user: { name: 'Kim Lee', githubLogin: 'kim', avatarUrl: 'http://h/avatars/kim.svg' },
    ...overrides,
  };
}

/** `count` pages of `size` events, newest first, chained by tokens `t1`, `t2`, …. */
export function testPages(count: number, size: number): AuditLogPage[] {
  return Array.from({ length: count }, (_, page) => ({
    auditLogEvents: Array.from({ length: size }, (_, i) => testEvent(1_000_000 - page * size - i)),
    ...(page < count - 1 ? { continuationToken: `t${page + 1}` } : {}),
  }));
}

export type Outcome = { error: unknown } | 'ok';

/**
 * A fetcher over `pages` keyed by token (`undefined` → page 0, `tN` → page N); before answering
 * a call it consumes the next scripted failure, if any.
 */
export function scriptedFetcher(pages: AuditLogPage[], failures: Outcome[] = []) {
  const calls: (string | undefined)[] = [];
  const fetchPage: PageFetcher = async (token) => {
    calls.push(token);
    const next = failures.shift();
    if (next && next !== 'ok') throw next.error;
    const page = pages[token ? Number(token.slice(1)) : 0];
    if (!page) throw new Error(`no page for token ${token}`);
    return {
      auditLogEvents: page.auditLogEvents,
      continuationToken: page.continuationToken ?? undefined,
    };
  };
  return { fetchPage, calls };
}
