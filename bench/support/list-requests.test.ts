import { describe, expect, it } from 'vitest';
import { LARGEST_PAGE_SIZE } from '../../common/pulumi/api-limits.ts';
import {
  AFTER_CLICK_SAMPLE,
  isListRequest,
  listRequestTally,
  rateLimitBoundSeconds,
} from './list-requests.ts';

const BASE = 'https://127.0.0.1:4000';

describe('isListRequest', () => {
  it('counts the V2 list and the older list, with or without a query', () => {
    expect(isListRequest('GET', `${BASE}/api/orgs/acme/auditlogs/v2?pageSize=100`)).toBe(true);
    expect(isListRequest('GET', `${BASE}/api/orgs/acme/auditlogs/v2`)).toBe(true);
    expect(isListRequest('GET', `${BASE}/api/orgs/other-org/auditlogs?startTime=1`)).toBe(true);
  });

  it('leaves out the export, event types, other methods and other paths', () => {
    expect(isListRequest('GET', `${BASE}/api/orgs/acme/auditlogs/v2/export?format=csv`)).toBe(
      false,
    );
    expect(isListRequest('GET', `${BASE}/api/orgs/acme/auditlogs/event-types`)).toBe(false);
    expect(isListRequest('POST', `${BASE}/api/orgs/acme/auditlogs/v2`)).toBe(false);
    expect(isListRequest('GET', `${BASE}/orgs/acme/audit-logs`)).toBe(false);
    expect(isListRequest('GET', `${BASE}/assets/auditlogs/v2`)).toBe(false);
    // A list path only inside the query is not a list request.
    expect(isListRequest('GET', `${BASE}/x?next=/api/orgs/acme/auditlogs/v2`)).toBe(false);
    expect(isListRequest('GET', 'not a url')).toBe(false);
  });
});

describe('listRequestTally', () => {
  const list = (n: number) => `${BASE}/api/orgs/acme/auditlogs/v2?endTime=20&pageSize=100&n=${n}`;

  it('splits list requests at the click and ignores the rest', () => {
    const tally = listRequestTally();
    tally.seen('GET', list(1));
    tally.seen('GET', `${BASE}/api/orgs/acme/auditlogs/event-types`);
    tally.seen('GET', list(2));
    tally.click();
    tally.seen('GET', list(3));
    tally.seen('GET', `${BASE}/assets/index.js`);
    expect(tally.counts()).toMatchObject({
      beforeClick: 2,
      afterClick: 1,
      newerChecks: 0,
      afterClickSample: ['/api/orgs/acme/auditlogs/v2?endTime=20&pageSize=100&n=3'],
    });
  });

  it('times the first list request and the last list answer from the start, not other requests', () => {
    const tally = listRequestTally();
    tally.start(1000);
    tally.seen('GET', `${BASE}/assets/index.js`, 1100);
    tally.seen('GET', list(1), 1600);
    tally.seen('GET', list(2), 1700);
    tally.answered('GET', list(1), 1900);
    tally.answered('GET', list(2), 2400);
    tally.answered('GET', `${BASE}/api/orgs/acme/auditlogs/v2?startTime=1999&pageSize=100`, 2600);
    tally.answered('GET', `${BASE}/api/orgs/acme/auditlogs/v2/export?format=csv`, 2700);
    expect(tally.counts()).toMatchObject({ firstRequestMs: 600, lastAnswerMs: 1400 });
  });

  it('times the range read’s first request and counts list answers per second of the read', () => {
    const tally = listRequestTally();
    tally.start(0);
    tally.seen('GET', list(1), 500);
    tally.answered('GET', list(1), 700);
    const read = (n: number) =>
      `${BASE}/api/orgs/acme/auditlogs/v2?startTime=0&endTime=20&pageSize=${LARGEST_PAGE_SIZE}&n=${n}`;
    tally.seen('GET', read(1), 720);
    tally.seen('GET', read(2), 730);
    tally.answered('GET', read(1), 900);
    tally.answered('GET', read(2), 2600);
    // The newer-events check runs on its own clock: not an answer of the read.
    tally.answered('GET', `${BASE}/api/orgs/acme/auditlogs/v2?startTime=19&pageSize=100`, 2700);
    expect(tally.counts()).toMatchObject({ firstReadRequestMs: 720, answersPerSecond: [2, 0, 1] });
  });

  it('tells the check for newer events, open at its end, from what DOWNLOAD asks', () => {
    const tally = listRequestTally();
    tally.click();
    tally.seen('GET', `${BASE}/api/orgs/acme/auditlogs/v2?startTime=1999&pageSize=100`);
    tally.seen('GET', `${BASE}/api/orgs/acme/auditlogs/v2?startTime=9&endTime=20&pageSize=100`);
    expect(tally.counts()).toMatchObject({ afterClick: 1, newerChecks: 1 });
    expect(tally.counts().afterClickSample).toEqual([
      '/api/orgs/acme/auditlogs/v2?startTime=9&endTime=20&pageSize=100',
    ]);
  });

  it('counts every request after the click but keeps only a sample of their addresses', () => {
    const tally = listRequestTally();
    tally.click();
    for (let n = 0; n < AFTER_CLICK_SAMPLE + 5; n++) tally.seen('GET', list(n));
    const counts = tally.counts();
    expect(counts.beforeClick).toBe(0);
    expect(counts.afterClick).toBe(AFTER_CLICK_SAMPLE + 5);
    expect(counts.afterClickSample).toHaveLength(AFTER_CLICK_SAMPLE);
    expect(counts.afterClickSample[0]).toContain('n=0');
  });

  it('hands out copies, so a reader cannot change what it goes on counting', () => {
    const tally = listRequestTally();
    tally.click();
    tally.seen('GET', list(1));
    tally.counts().afterClickSample.push('changed');
    expect(tally.counts().afterClickSample).toHaveLength(1);
  });
});

describe('rateLimitBoundSeconds', () => {
  it('is the requests the events need over the rate', () => {
    expect(rateLimitBoundSeconds(20_000, 100, 40)).toBe(5);
    expect(rateLimitBoundSeconds(6_000, 100, 20)).toBe(3);
  });
});
