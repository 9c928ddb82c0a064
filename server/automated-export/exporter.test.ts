/**
 * The exporter against a real S3-compatible store on loopback over HTTPS (s3rver, with SigV4
 * checked by server/testing/s3-store.ts), through the outbound guard with
 * OUTBOUND_ALLOW=127.0.0.1, and a clock the test moves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csvHeaderLine, eventsToCsvChunk } from '../../common/export/audit-csv.ts';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { createOutboundGuard } from '../outbound/outbound-guard.ts';
import { parseOutboundAllow } from '../outbound/outbound-policy.ts';
import { sealText } from '../session/session-seal.ts';
import { openAuditStore, type AuditStore } from '../store/audit-store.ts';
import { HOUR } from '../store/export-queries.ts';
import { BASE_TIME, makeEvents, writeDirectory } from '../testing/fixtures.ts';
import { LOOPBACK_CERT } from '../testing/loopback-tls.ts';
import { S3_ACCESS_KEY_ID, S3_SECRET, startS3Store, type S3Store } from '../testing/s3-store.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { AUTH_FAILURE_LIMIT, createExporter, secretContext, type Exporter } from './exporter.ts';
import { hourObjectKey } from './hour-object.ts';

const DAY = BASE_TIME; // 2026-01-01T00:00:00Z
const SEAL_KEY = Buffer.alloc(32, 3);
const ORIGIN = 'https://audit.example.com';
const guard = createOutboundGuard(parseOutboundAllow('127.0.0.1'), { ca: LOOPBACK_CERT });

/** 600 events over the day, three to a second, every hour holding some. */
const dayEvents = () =>
  makeEvents(600, DAY, 3).map((event, i) => ({
    ...event,
    timestamp: DAY + Math.floor(i / 3) * 431,
  }));

let s3: S3Store;
let dir: string;
let store: AuditStore;
let clock: number;

beforeAll(async () => {
  s3 = await startS3Store(['audit', 'other']);
});
afterAll(() => s3.close());

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'exporter-test-'));
  store = openAuditStore(path.join(dir, 'audit.db'));
  writeDirectory(store);
  store.appendEvents('acme', dayEvents());
  s3.puts.length = 0;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function exporterOn(target: AuditStore, origin = ORIGIN): Exporter {
  return createExporter({
    store: target,
    guard,
    sealKey: SEAL_KEY,
    origin: () => origin,
    now: () => clock,
    log: () => {},
  });
}

function configure(target: AuditStore, prefix: string, secret = S3_SECRET, bucket = 'audit') {
  target.saveExportConfig(
    'acme',
    {
      enabled: true,
      destination: {
        kind: 's3-compatible',
        endpoint: s3.endpoint,
        region: 'us-east-1',
        s3BucketName: bucket,
        s3PathPrefix: prefix,
        accessKeyId: S3_ACCESS_KEY_ID,
      },
      sealedSecret: sealText(SEAL_KEY, secret, secretContext('acme')),
    },
    clock,
  );
}

/** An exporter that has delivered the whole day under `prefix`, with the writes forgotten. */
async function deliveredDay(prefix: string): Promise<Exporter> {
  clock = DAY + 5;
  configure(store, prefix);
  clock = DAY + 24 * HOUR + 5;
  const exporter = exporterOn(store);
  await exporter.runOnce();
  s3.puts.length = 0;
  return exporter;
}

const dayKeys = (prefix: string) =>
  Array.from({ length: 24 }, (_, h) => hourObjectKey(prefix, 'acme', DAY + h * HOUR));

async function readLines(prefix: string): Promise<AuditLogEvent[]> {
  const texts = await Promise.all(dayKeys(prefix).map((key) => s3.read('audit', key)));
  return texts
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditLogEvent);
}

describe('a day of events', () => {
  it('lands as 24 objects, newest last, named by hour', async () => {
    clock = DAY + 5;
    configure(store, 'day');
    clock = DAY + 24 * HOUR + 5;
    await exporterOn(store).runOnce();
    expect(await s3.keys('audit')).toEqual(expect.arrayContaining(dayKeys('day')));
    expect((await s3.keys('audit')).filter((k) => k.startsWith('day/'))).toHaveLength(24);
    expect(dayKeys('day')[13]).toBe('day/acme/2026/01/01/13.jsonl.gz');
    const events = await readLines('day');
    expect(events).toHaveLength(600);
    const times = events.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const config = store.readExportConfig('acme');
    expect(config).toMatchObject({ nextHour: DAY + 24 * HOUR, lastResult: { message: '' } });
  });

  it('does not deliver the hour still open, nor hours before the export began', async () => {
    clock = DAY + 10 * HOUR + 30;
    configure(store, 'open');
    clock = DAY + 11 * HOUR + 59 * 60;
    await exporterOn(store).runOnce();
    expect(s3.puts).toEqual([`/audit/${hourObjectKey('open', 'acme', DAY + 10 * HOUR)}`]);
  });

  it('loses and repeats nothing across a restart mid-day', async () => {
    clock = DAY + 5;
    configure(store, 'restart');
    clock = DAY + 12 * HOUR + 5;
    const first = exporterOn(store);
    await first.runOnce();
    await first.stop();
    expect(s3.puts).toHaveLength(12);
    store.close();
    store = openAuditStore(path.join(dir, 'audit.db'));
    clock = DAY + 24 * HOUR + 5;
    await exporterOn(store).runOnce();
    expect([...s3.puts].sort()).toEqual(dayKeys('restart').map((key) => `/audit/${key}`));
    expect(await readLines('restart')).toHaveLength(600);
  });

  it('delivers an hour again when an event arrives late for it', async () => {
    const exporter = await deliveredDay('late');
    const [late] = makeEvents(1, DAY + 5 * HOUR + 17);
    store.appendEvents('acme', [{ ...late!, description: 'arrived late' }]);
    await exporter.runOnce();
    expect(s3.puts).toEqual([`/audit/${hourObjectKey('late', 'acme', DAY + 5 * HOUR)}`]);
    const hour5 = await s3.read('audit', hourObjectKey('late', 'acme', DAY + 5 * HOUR));
    expect(hour5).toContain('arrived late');
    await exporter.runOnce();
    expect(s3.puts).toHaveLength(1);
  });
});

describe('failures', () => {
  it('pauses after repeated authentication failures, says why, and resumes when saved', async () => {
    clock = DAY + 5;
    configure(store, 'auth', 'not-the-secret');
    clock = DAY + 2 * HOUR + 5;
    const exporter = exporterOn(store);
    for (let attempt = 1; attempt <= AUTH_FAILURE_LIMIT; attempt++) {
      await exporter.runOnce();
      const config = store.readExportConfig('acme')!;
      expect(config.authFailures).toBe(attempt);
      // Waits before the next try, doubling.
      expect(config.retryAt - clock).toBe(60 * 2 ** (attempt - 1));
      await exporter.runOnce();
      expect(store.readExportConfig('acme')!.authFailures).toBe(attempt);
      clock = config.retryAt;
    }
    const paused = store.readExportConfig('acme')!;
    expect(paused.enabled).toBe(false);
    expect(paused.lastResult?.message).toBe(
      `Paused after ${AUTH_FAILURE_LIMIT} authentication failures: the secret access key does not match the access key ID (SignatureDoesNotMatch, HTTP 403). Save the configuration again to resume.`,
    );
    expect(paused.lastResult?.message).not.toContain('remote detail');
    expect(s3.puts).toEqual([]);
    configure(store, 'auth');
    await exporter.runOnce();
    expect(s3.puts).toHaveLength(2);
    expect(store.readExportConfig('acme')).toMatchObject({ enabled: true, authFailures: 0 });
  });

  it('pauses at once, saying why, when the server secret no longer opens the stored key', async () => {
    clock = DAY + 5;
    configure(store, 'rotated');
    clock = DAY + 2 * HOUR + 5;
    await createExporter({
      store,
      guard,
      sealKey: Buffer.alloc(32, 4),
      origin: () => ORIGIN,
      now: () => clock,
      log: () => {},
    }).runOnce();
    const config = store.readExportConfig('acme')!;
    expect(config.enabled).toBe(false);
    expect(config.lastResult?.message).toBe(
      "Paused: the stored secret access key cannot be opened with this server's secret (was SESSION_SECRET changed?); save the configuration with the secret again.",
    );
    expect(s3.puts).toEqual([]);
  });

  it('keeps the cursor on a failed hour and retries it with backoff', async () => {
    clock = DAY + 5;
    configure(store, 'missing', S3_SECRET, 'no-such-bucket');
    clock = DAY + 3 * HOUR + 5;
    await exporterOn(store).runOnce();
    const config = store.readExportConfig('acme')!;
    expect(config).toMatchObject({ enabled: true, nextHour: DAY, failures: 1, authFailures: 0 });
    expect(config.lastResult?.message).toBe(
      'Could not deliver 2026-01-01T00:00Z: the bucket does not exist (NoSuchBucket, HTTP 404)',
    );
  });
});

describe('force and test', () => {
  it('force writes exactly one hour again', async () => {
    const exporter = await deliveredDay('force');
    await expect(exporter.force('acme', DAY + 7 * HOUR)).resolves.toEqual({
      timestamp: clock,
      message: '',
    });
    expect(s3.puts).toEqual([`/audit/${hourObjectKey('force', 'acme', DAY + 7 * HOUR)}`]);
    expect(store.readExportConfig('acme')?.nextHour).toBe(DAY + 24 * HOUR);
  });

  it('test writes and deletes a probe, and reports a missing bucket', async () => {
    clock = DAY;
    const exporter = exporterOn(store);
    const destination = {
      kind: 's3-compatible' as const,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      s3BucketName: 'other',
      s3PathPrefix: 'probe',
      accessKeyId: S3_ACCESS_KEY_ID,
    };
    await expect(exporter.test('acme', destination, S3_SECRET)).resolves.toEqual({
      timestamp: clock,
      message: '',
    });
    expect(s3.puts).toHaveLength(1);
    expect(await s3.keys('other')).toEqual([]);
    await expect(
      exporter.test('acme', { ...destination, s3BucketName: 'missing-bucket' }, S3_SECRET),
    ).resolves.toEqual({
      timestamp: clock,
      message: 'Could not write a test object: the bucket does not exist (NoSuchBucket, HTTP 404)',
    });
  });
});

describe('the objects against the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      fixtures: (target) => {
        writeDirectory(target);
        target.appendEvents('acme', dayEvents());
        clock = DAY + 5;
        configure(target, 'api');
      },
    });
  });
  afterAll(() => server.close());

  it('hold, together, exactly the V2 export of the day', async () => {
    clock = DAY + 24 * HOUR + 5;
    await exporterOn(server.store, server.baseURL).runOnce();
    const delivered = await readLines('api');
    const query = `startTime=${DAY}&endTime=${DAY + 24 * HOUR - 1}`;
    const list = await server.get(`/api/orgs/acme/auditlogs/v2?${query}&pageSize=1000`);
    const { auditLogEvents } = (await list.json()) as { auditLogEvents: AuditLogEvent[] };
    expect(delivered).toEqual([...auditLogEvents].reverse());
    const csv = await (await server.get(`/api/orgs/acme/auditlogs/v2/export?${query}`)).text();
    expect(csvHeaderLine() + eventsToCsvChunk([...delivered].reverse())).toBe(csv);
  });
});
