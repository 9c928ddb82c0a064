/**
 * The exporter job: every closed hour of every enabled organization lands in its bucket as one
 * object (hour-object.ts), in order, once (decision note 019).
 *
 * Each `runOnce` does, per enabled organization whose backoff has passed:
 * 1. notes delivered hours that gained events since the last run (late events) for redelivery;
 * 2. writes those hours again, then each closed hour from the cursor on (at most
 *    `maxHoursPerRun`, so a long backlog never holds the process), recording each in the same
 *    transaction that moves the cursor. A crash between the write and the record writes that
 *    one hour again on the next run, under the same name: replaced, not repeated;
 * 3. on a failure stops for that organization, keeps the reason as `lastResult` and waits
 *    (1 min, doubling up to 1 h); after `AUTH_FAILURE_LIMIT` authentication failures in a row
 *    the export is paused until an admin saves the configuration again.
 *
 * `force` writes one hour on request; `test` writes and deletes a probe object.
 */
import { randomBytes } from 'node:crypto';
import type { LogLine } from '../log-line.ts';
import { logField, logLine } from '../log-line.ts';
import type { OutboundGuard } from '../outbound/outbound-guard.ts';
import { openSealedText } from '../session/session-seal.ts';
import type { AuditStore, ExportDestination, ExportResult } from '../store/audit-store.ts';
import { HOUR } from '../store/export-queries.ts';
import { hourObjectBody, hourObjectKey } from './hour-object.ts';
import {
  createObjectWriter,
  describeS3Error,
  type DescribedFailure,
  type ObjectWriter,
} from './s3-destination.ts';

export const AUTH_FAILURE_LIMIT = 3;

/** The server's secret changed since the access key was saved (SESSION_SECRET, DATA_DIR). */
class UnreadableSecret extends Error {
  override message =
    "the stored secret access key cannot be opened with this server's secret (was SESSION_SECRET changed?); save the configuration with the secret again";
}
const FIRST_RETRY_SECONDS = 60;
const LAST_RETRY_SECONDS = HOUR;
export const OBJECT_CONTENT_TYPE = 'application/gzip';

export interface ExporterDeps {
  store: AuditStore;
  guard: OutboundGuard;
  /** The 'export-credentials' key (server/secrets.ts). */
  sealKey: Buffer;
  /** Makes avatar paths absolute in the events written (PUBLIC_URL or the server's URL). */
  origin: () => string;
  /** Unix seconds. */
  now?: () => number;
  log?: LogLine;
  maxHoursPerRun?: number;
  /** Tests swap the S3 client for a failing or counting one. */
  writerFor?: (destination: ExportDestination, secret: string | undefined) => ObjectWriter;
}

export interface Exporter {
  runOnce(): Promise<void>;
  /** Writes the hour holding `timestamp` again (backfill). */
  force(org: string, hour: number): Promise<ExportResult>;
  /** Writes and deletes a probe object; says what failed. */
  test(
    org: string,
    destination: ExportDestination,
    secret: string | undefined,
  ): Promise<ExportResult>;
  /** Runs `runOnce` every `intervalMs` until `stop`. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** The sealed secret's context: a sealed value moved to another organization does not open. */
export const secretContext = (org: string) => `export-secret:${org}`;

export function createExporter(deps: ExporterDeps): Exporter {
  const { store } = deps;
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const log = deps.log ?? ((line: string) => console.info(line));
  const maxHours = deps.maxHoursPerRun ?? 48;
  const writerFor =
    deps.writerFor ??
    ((destination: ExportDestination, secret: string | undefined) =>
      createObjectWriter(destination, secret, deps.guard));

  /** The stored secret; throws when this server's secret no longer opens it. */
  function secretOf(org: string, sealed: string | null): string | undefined {
    if (sealed === null) return undefined;
    const secret = openSealedText(deps.sealKey, sealed, secretContext(org), 4096);
    if (secret === undefined) throw new UnreadableSecret();
    return secret;
  }

  async function writeHour(writer: ObjectWriter, org: string, prefix: string, hour: number) {
    const body = await hourObjectBody(store, org, hour, deps.origin());
    await writer.put(hourObjectKey(prefix, org, hour), body, OBJECT_CONTENT_TYPE);
  }

  function recordFailure(
    org: string,
    failure: DescribedFailure,
    hour: number,
    pauseNow = false,
  ): void {
    const config = store.readExportConfig(org);
    if (!config) return;
    const authFailures = failure.authFailure ? config.authFailures + 1 : 0;
    const pause = pauseNow || authFailures >= AUTH_FAILURE_LIMIT;
    const wait = Math.min(FIRST_RETRY_SECONDS * 2 ** config.failures, LAST_RETRY_SECONDS);
    const when = new Date(hour * 1000).toISOString().slice(0, 13);
    const message = pauseNow
      ? `Paused: ${failure.message}.`
      : pause
        ? `Paused after ${authFailures} authentication failures: ${failure.message}. Save the configuration again to resume.`
        : `Could not deliver ${when}:00Z: ${failure.message}`;
    store.recordExportFailure(
      org,
      { message, authFailure: failure.authFailure, retryAt: now() + wait, pause },
      now(),
    );
    // The org and the short reason only: never a key, a secret or a remote body.
    log(logLine`automated export: ${logField(org)} ${message}`);
  }

  async function deliverOrg(org: string): Promise<void> {
    store.collectLateHours(org);
    const config = store.readExportConfig(org);
    if (!config?.enabled || config.retryAt > now()) return;
    let writer: ObjectWriter;
    try {
      writer = writerFor(config.destination, secretOf(org, config.sealedSecret));
    } catch (error) {
      if (!(error instanceof UnreadableSecret)) throw error;
      // No attempt could work: paused at once, with the way out.
      recordFailure(org, { message: error.message, authFailure: true }, config.nextHour, true);
      return;
    }
    const closedBefore = now() - (now() % HOUR);
    const hours = [...store.listRedeliveries(org)];
    for (let hour = config.nextHour; hour < closedBefore; hour += HOUR) hours.push(hour);
    try {
      for (const hour of hours.slice(0, maxHours)) {
        try {
          await writeHour(writer, org, config.destination.s3PathPrefix, hour);
        } catch (error) {
          recordFailure(org, describeS3Error(error), hour);
          return;
        }
        store.recordExportDelivery(org, hour, now());
      }
    } finally {
      writer.close();
    }
  }

  let running: Promise<void> | undefined;
  async function runAll(): Promise<void> {
    for (const { org } of store.listEnabledExports()) {
      try {
        await deliverOrg(org);
      } catch (error) {
        // A bug must not stop other organizations' exports; the stack is logged, escaped.
        log(
          logLine`automated export: ${logField(org)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  }

  function runOnce(): Promise<void> {
    running ??= runAll().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function force(org: string, hour: number): Promise<ExportResult> {
    const config = store.readExportConfig(org);
    if (!config) throw new Error('no configuration');
    let writer: ObjectWriter;
    try {
      writer = writerFor(config.destination, secretOf(org, config.sealedSecret));
    } catch (error) {
      if (error instanceof UnreadableSecret) return { timestamp: now(), message: error.message };
      throw error;
    }
    try {
      await writeHour(writer, org, config.destination.s3PathPrefix, hour);
    } catch (error) {
      return { timestamp: now(), message: describeS3Error(error).message };
    } finally {
      writer.close();
    }
    store.recordExportDelivery(org, hour, now());
    return { timestamp: now(), message: '' };
  }

  async function test(
    org: string,
    destination: ExportDestination,
    secret: string | undefined,
  ): Promise<ExportResult> {
    const writer = writerFor(destination, secret);
    try {
      return await writeProbe(writer, org, destination);
    } finally {
      writer.close();
    }
  }

  async function writeProbe(
    writer: ObjectWriter,
    org: string,
    destination: ExportDestination,
  ): Promise<ExportResult> {
    const probe = `${destination.s3PathPrefix ? `${destination.s3PathPrefix}/` : ''}${org}/.export-test-${randomBytes(6).toString('hex')}`;
    try {
      await writer.put(probe, 'audit log export test\n', 'text/plain');
    } catch (error) {
      return {
        timestamp: now(),
        message: `Could not write a test object: ${describeS3Error(error).message}`,
      };
    }
    try {
      await writer.remove(probe);
    } catch (error) {
      return {
        timestamp: now(),
        message: `Wrote a test object but could not delete it (${probe}): ${describeS3Error(error).message}`,
      };
    }
    return { timestamp: now(), message: '' };
  }

  let timer: NodeJS.Timeout | undefined;
  return {
    runOnce,
    force,
    test,
    start(intervalMs) {
      timer ??= setInterval(() => void runOnce(), intervalMs);
      timer.unref();
      void runOnce();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
