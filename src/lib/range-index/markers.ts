/**
 * Per-event markers, derived from the whole index and recomputed when it grows:
 * - first-ip: the oldest indexed event of a (login, source IP) pair: the first time that user
 *   was seen from that address within the indexed range;
 * - burst: a failure (an authentication failure, or a failed login: Pulumi's catalog does not
 *   flag `user-login-failed` as an authentication failure) with at least BURST_MIN_FAILURES
 *   failures from the same source IP within a window of BURST_WINDOW_SECONDS that holds it (a
 *   password or token being guessed looks like this; one mistyped token does not).
 */
import type { RangeIndex } from './range-index.ts';
import { FLAG_AUTH_FAILURE } from './row-columns.ts';

export const MARK_FIRST_IP = 1;
export const MARK_BURST = 2;
export const BURST_MIN_FAILURES = 5;
export const BURST_WINDOW_SECONDS = 300;
/** The event of a failed login, a failure for bursts whatever its authFailure says. */
export const FAILED_LOGIN_EVENT = 'user-login-failed';

/** first-ip marks, oldest row first so "first" is the oldest. */
function markFirstIps(index: RangeIndex, marks: Uint8Array): void {
  const { columns, dictionaries } = index;
  const { head, size, ids } = columns;
  const emptyIp = dictionaries.ip.find('');
  const loginIds = new Map<string, number>();
  const loginOf = dictionaries.user.values.map((user) => {
    let id = loginIds.get(user.login);
    if (id === undefined) loginIds.set(user.login, (id = loginIds.size));
    return id;
  });
  const ipCount = dictionaries.ip.size;
  const seen = new Set<number>();
  for (let row = size - 1; row >= 0; row--) {
    const ip = ids.ip[head + row] as number;
    if (ip === emptyIp) continue;
    const pair = (loginOf[ids.user[head + row] as number] as number) * ipCount + ip;
    if (!seen.has(pair)) {
      seen.add(pair);
      marks[row] = (marks[row] as number) | MARK_FIRST_IP;
    }
  }
}

/** burst marks: per source IP, a sliding window over its failures, oldest first. */
function markBursts(index: RangeIndex, marks: Uint8Array): void {
  const { head, size, ids, flags, times } = index.columns;
  const emptyIp = index.dictionaries.ip.find('');
  const failedLogin = index.dictionaries.event.find(FAILED_LOGIN_EVENT);
  const failuresByIp = new Map<number, number[]>();
  for (let row = size - 1; row >= 0; row--) {
    const ip = ids.ip[head + row] as number;
    const failed =
      ((flags[head + row] as number) & FLAG_AUTH_FAILURE) !== 0 ||
      ids.event[head + row] === failedLogin;
    if (!failed || ip === emptyIp) continue;
    let rows = failuresByIp.get(ip);
    if (!rows) failuresByIp.set(ip, (rows = []));
    rows.push(row);
  }
  const time = (row: number) => times[head + row] as number;
  for (const rows of failuresByIp.values()) {
    let start = 0;
    let marked = 0;
    for (let end = 0; end < rows.length; end++) {
      const endTime = time(rows[end] as number);
      while (endTime - time(rows[start] as number) >= BURST_WINDOW_SECONDS) start++;
      if (end - start + 1 < BURST_MIN_FAILURES) continue;
      for (let k = Math.max(start, marked); k <= end; k++) {
        const row = rows[k] as number;
        marks[row] = (marks[row] as number) | MARK_BURST;
      }
      marked = end + 1;
    }
  }
}

/** The markers of every row (index = row number): `computeMarkers(index)[0] & MARK_BURST`. */
export function computeMarkers(index: RangeIndex): Uint8Array {
  const marks = new Uint8Array(index.size);
  markFirstIps(index, marks);
  markBursts(index, marks);
  return marks;
}

const cache = new WeakMap<RangeIndex, { version: number; marks: Uint8Array }>();

/** The markers, computed once per version of the index. */
export function markersOf(index: RangeIndex): Uint8Array {
  const cached = cache.get(index);
  if (cached && cached.version === index.version) return cached.marks;
  const marks = computeMarkers(index);
  cache.set(index, { version: index.version, marks });
  return marks;
}
