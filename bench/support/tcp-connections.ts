/**
 * How many TCP connections are open to the server at once, sampled from /proc/net/tcp: what the
 * browser really puts on the wire, whatever number of requests the page has issued. Over
 * HTTP/1.1 Chromium opens at most six connections per host and queues the rest. NaN where
 * /proc is not there.
 */
import { readFileSync } from 'node:fs';

const ESTABLISHED = '01';

/** Established connections whose local port is `port` (the server's side of each); NaN without /proc. */
function established(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let count = NaN;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    count = Number.isNaN(count) ? 0 : count;
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === ESTABLISHED && local?.endsWith(`:${hexPort}`)) count += 1;
    }
  }
  return count;
}

/** Samples every `intervalMs` until `stop()`, which gives the peak (NaN without /proc). */
export function watchConnections(port: number, intervalMs = 100) {
  // Math.max keeps a NaN, so a machine without /proc gives NaN.
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, established(port));
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
