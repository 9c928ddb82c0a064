import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { BURST_MIN_FAILURES, computeMarkers, MARK_BURST, MARK_FIRST_IP } from './markers.ts';
import { RangeIndex } from './range-index.ts';
import { isBurst, isFirstIp } from './testing/naive-search.ts';
import { randomEvents } from './testing/random-events.ts';

function markers(events: AuditLogEvent[]) {
  const index = new RangeIndex();
  index.addOlder(events);
  const marks = computeMarkers(index);
  return events.map((_, row) => ({
    firstIp: ((marks[row] as number) & MARK_FIRST_IP) !== 0,
    burst: ((marks[row] as number) & MARK_BURST) !== 0,
  }));
}

const failure = (timestamp: number, sourceIP = '203.0.113.7'): AuditLogEvent => ({
  timestamp,
  event: 'user-login-failed',
  user: { githubLogin: 'kim' },
  sourceIP,
  authFailure: true,
});

describe('markers', () => {
  it('agree with their definitions on random logs dense in failures', () => {
    fc.assert(
      fc.property(
        randomEvents({
          maxLength: 150,
          gaps: [0, 10, 40, 120, 400],
          ips: ['10.0.0.1', '10.0.0.2', ''],
        }),
        (events) => {
          expect(markers(events)).toEqual(
            events.map((_, row) => ({
              firstIp: isFirstIp(events, row),
              burst: isBurst(events, row),
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('mark the oldest event of each user and address', () => {
    const events = [
      failure(30),
      failure(20, '10.0.0.1'),
      failure(10),
      { ...failure(5), sourceIP: undefined },
    ];
    expect(markers(events).map((m) => m.firstIp)).toEqual([false, true, true, false]);
  });

  it(`mark ${BURST_MIN_FAILURES} failures from one address within five minutes, and no fewer`, () => {
    const burst = [599, 500, 450, 400, 300].map((t) => failure(t));
    expect(markers(burst).every((m) => m.burst)).toBe(true);
    const spread = [600, 500, 450, 400, 300].map((t) => failure(t));
    expect(markers(spread).map((m) => m.burst)).toEqual([false, false, false, false, false]);
    const twoAddresses = [599, 500, 450, 400, 300].map((t, i) =>
      failure(t, i ? undefined : '10.0.0.1'),
    );
    expect(markers(twoAddresses).some((m) => m.burst)).toBe(false);
  });

  it('count failed logins toward a burst, as Pulumi sends them without authFailure', () => {
    // Pulumi's catalog does not flag user-login-failed as an authentication failure, yet a
    // password being guessed is exactly what a burst is meant to show.
    const guesses = [599, 500, 450, 400, 300].map((t) => ({
      ...failure(t),
      authFailure: undefined,
    }));
    expect(markers(guesses).every((m) => m.burst)).toBe(true);
    const otherEvents = guesses.map((e) => ({ ...e, event: 'user-login' }));
    expect(markers(otherEvents).some((m) => m.burst)).toBe(false);
  });
});
