import { describe, expect, it } from 'vitest';
import {
  formatConsoleSummary,
  formatConsoleTable,
  formatPhases,
  timesBound,
  type ConsoleResult,
} from './console-report.ts';

const cpu = { server: 0, browser: 0, bench: 0, browserByKind: {} };

function result(overrides: Partial<ConsoleResult>): ConsoleResult {
  return {
    method: 'console: open the log, DOWNLOAD at once',
    seconds: 6,
    events: 20_000,
    bytes: 1,
    sha256: 'a',
    requests: 0,
    rateLimited: 0,
    peakInFlight: 0,
    longestTaskMs: 0,
    peakPageHeapBytes: 0,
    peakWorkerHeapBytes: 0,
    cpu,
    peakConnections: 0,
    beforeClick: 3,
    afterClick: 200,
    newerChecks: 0,
    afterClickSample: [],
    answersPerSecond: [],
    exact: true,
    ...overrides,
  };
}

describe('timesBound', () => {
  it('divides by the bound; no time is no ratio', () => {
    expect(timesBound(20.1, 5)).toBeCloseTo(4.02);
    expect(timesBound(undefined, 5)).toBeNaN();
  });
});

describe('formatConsoleTable', () => {
  it('gives each method its time against the bound, list requests either side, exactness', () => {
    const lines = formatConsoleTable(
      [result({}), result({ method: 'kept', seconds: 0.8, beforeClick: 210, afterClick: 0 })],
      5,
    ).split('\n');
    expect(lines[0]).toMatch(/method +seconds +× bound \(5\.00 s\) +list requests before click/);
    expect(lines[2]).toMatch(
      /^console: open the log, DOWNLOAD at once +6\.00 +1\.20× +3 +200 +true/,
    );
    expect(lines[3]).toMatch(/^kept +0\.80 +0\.16× +210 +0 +true/);
  });

  it('says a run failed instead of giving a time, and never calls its missing file exact', () => {
    const failed = result({ seconds: undefined, error: 'Timeout 600000ms exceeded', exact: false });
    const row = formatConsoleTable([failed], 5).split('\n')[2];
    expect(row).toMatch(/failed: Timeout 600000ms exceeded +— +3 +200 +—/);
  });
});

describe('formatConsoleSummary', () => {
  const atOnce = result({ seconds: 20.1, beforeClick: 27, afterClick: 200 });
  const kept = (overrides: Partial<ConsoleResult>) =>
    result({ method: 'kept', seconds: 1, beforeClick: 226, afterClick: 0, ...overrides });

  it('sets the at-once time against the bound and its requests against one read', () => {
    const [first, second] = formatConsoleSummary(atOnce, kept({}), 5).split('\n');
    expect(first).toMatch(/at once: 4\.02× the rate-limit bound of 5\.00 s/);
    expect(first).toMatch(/227 list requests in all, where one read of the range took 226/);
    expect(second).toBe(
      'DOWNLOAD once the range is kept: 0 list requests after the click (aim 0), ' +
        'besides 0 checks for newer events on their own clock',
    );
  });

  it('lists what the kept DOWNLOAD asked after its click, by address', () => {
    const stray = '/api/orgs/acme/auditlogs/v2?startTime=1796199305&endTime=1796199400';
    const lines = formatConsoleSummary(
      atOnce,
      kept({ afterClick: 1, newerChecks: 1, afterClickSample: [stray] }),
      5,
    ).split('\n');
    expect(lines[1]).toMatch(/: 1 list requests after the click .* besides 1 checks for newer/);
    expect(lines[2]).toBe(`  after the click: ${stray}`);
  });

  it('sets the at-once time against the console’s own read of the range when it was timed', () => {
    const lines = formatConsoleSummary(atOnce, kept({ readSeconds: 10.05 }), 5).split('\n');
    expect(lines[1]).toBe(
      '  against the console\'s own read of the range (10.05 s to "kept"): 2.00× ' +
        '(aim ≤ 1.1×, decision note 027)',
    );
    expect(formatConsoleSummary(atOnce, kept({}), 5).split('\n')).toHaveLength(2);
  });

  it('does not call a failed kept run the size of one read', () => {
    const summary = formatConsoleSummary(atOnce, kept({ error: 'Timeout' }), 5);
    expect(summary).toMatch(/one read of the range took — /);
  });
});

describe('formatPhases', () => {
  it('splits a run into the page’s start, the list requests and the file', () => {
    const run = result({ seconds: 7.9, firstRequestMs: 620, lastAnswerMs: 7400, rateLimited: 8 });
    expect(formatPhases(run)).toBe(
      'phases: start to the first list request 0.62 s; list requests 6.78 s ' +
        '(8 answered 429); last answer to the file saved 0.50 s',
    );
  });

  it('says when the range read began and how many answers each second of the read brought', () => {
    const run = result({
      seconds: 7.9,
      firstRequestMs: 620,
      firstReadRequestMs: 800,
      lastAnswerMs: 7400,
      answersPerSecond: [12, 40, 3],
    });
    expect(formatPhases(run)).toBe(
      'phases: start to the first list request 0.62 s, the range read’s first 0.18 s later; ' +
        'list requests 6.78 s (0 answered 429); last answer to the file saved 0.50 s\n' +
        '  list answers per second from the first request: 12 40 3',
    );
  });

  it('says nothing of a run that was not timed from its start', () => {
    expect(formatPhases(result({}))).toBeUndefined();
    expect(formatPhases(result({ firstRequestMs: 10, lastAnswerMs: 20, seconds: undefined }))).toBe(
      undefined,
    );
  });
});
