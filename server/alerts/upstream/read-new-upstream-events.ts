/**
 * Upstream mode's step before each evaluation pass: for every organization with a token, read
 * Pulumi Cloud from a little before the newest event already read up to now, and keep the
 * events not read before. Re-reading that overlap (`SETTLE_SECONDS`) is what catches events that
 * reach Pulumi's log a little after their time; each is kept once by its identity
 * (common/pulumi/event-identity.ts), since the API gives events no id.
 */
import {
  createEventIdentifier,
  formatEventIdentity,
} from '../../../common/pulumi/event-identity.ts';
import { logLine, type LogLine } from '../../log-line.ts';
import { openSealedText } from '../../session/session-seal.ts';
import { MAX_WINDOW_SECONDS } from '../alert-rule.ts';
import { readUpstreamEvents, UpstreamReadError } from './upstream-page-reader.ts';
import type { UpstreamEventsStore, UpstreamReader } from './upstream-events-store.ts';

/** How far back each read starts before the newest event already read. */
export const SETTLE_SECONDS = 120;

export interface UpstreamReadDeps {
  store: UpstreamEventsStore;
  /** PULUMI_API_URL. */
  base: URL;
  timeoutMs: number;
  /** Opens a sealed token (purpose `alert-secrets`). */
  secretKey: Buffer;
  /** Milliseconds. */
  now: () => number;
  log: LogLine;
  /** The alert job's stop: ends the read, a `Retry-After` wait included. */
  signal: AbortSignal;
  /** Tests: no real waiting on `Retry-After`. */
  sleep?: (ms: number) => Promise<void>;
}

/** What a reader's token is bound to, so a sealed token copied to another org does not open. */
export const readerContext = (org: string) => `alert-reader:${org}`;

export const TOKEN_UNREADABLE =
  'The token can no longer be opened (the server’s secret changed): give it again';

async function readOne(deps: UpstreamReadDeps, reader: UpstreamReader): Promise<void> {
  const nowMs = deps.now();
  const token = openSealedText(deps.secretKey, reader.sealedToken, readerContext(reader.org));
  if (token === undefined) {
    deps.store.recordFailure(reader.org, nowMs, TOKEN_UNREADABLE);
    return;
  }
  const endTime = Math.floor(nowMs / 1000) + 1;
  const events = await readUpstreamEvents({
    base: deps.base,
    timeoutMs: deps.timeoutMs,
    org: reader.org,
    token,
    startTime: reader.readThrough - SETTLE_SECONDS,
    endTime,
    signal: deps.signal,
    sleep: deps.sleep,
  });
  // Identities count in the API's order (newest first); seqs are given oldest first.
  const identify = createEventIdentifier();
  const named = events.map((event) => ({ identity: formatEventIdentity(identify(event)), event }));
  named.reverse();
  const newest = events.reduce((max, e) => Math.max(max, e.timestamp), reader.readThrough);
  deps.store.recordRead(reader, named, {
    newest,
    at: nowMs,
    keepFrom: newest - MAX_WINDOW_SECONDS - SETTLE_SECONDS,
  });
}

/**
 * Reads every organization's new events; a failure is kept for the Alerts page and logged. A
 * stop (the signal aborts) is no failure: the reads end and nothing is recorded.
 */
export async function readNewUpstreamEvents(deps: UpstreamReadDeps): Promise<void> {
  for (const reader of deps.store.readers()) {
    if (deps.signal.aborted) return;
    try {
      await readOne(deps, reader);
    } catch (error) {
      if (deps.signal.aborted) return;
      const message =
        error instanceof UpstreamReadError ? error.message : 'the read failed unexpectedly';
      deps.store.recordFailure(reader.org, deps.now(), message);
      deps.log(logLine`alerts: reading ${reader.org} from Pulumi Cloud failed: ${message}`);
    }
  }
}
