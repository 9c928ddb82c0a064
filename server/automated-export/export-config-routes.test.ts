/**
 * Pulumi's export-config endpoints on the embedded service: who may use them, their shapes
 * (validated against spec/pulumi), write-only secrets, and the outbound guard's refusals, with
 * a real S3-compatible store on loopback behind them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundGuard } from '../outbound/outbound-guard.ts';
import { parseOutboundAllow } from '../outbound/outbound-policy.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { ADMIN_TOKEN, MEMBER_TOKEN, writeFixtures } from '../testing/fixtures.ts';
import { LOOPBACK_CERT } from '../testing/loopback-tls.ts';
import { schemaValidator } from '../testing/openapi-schemas.ts';
import { S3_ACCESS_KEY_ID, S3_SECRET, startS3Store, type S3Store } from '../testing/s3-store.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { EXPORT_MESSAGES } from './export-config-routes.ts';
import { createExporter } from './exporter.ts';

const SEAL_KEY = Buffer.alloc(32, 5);
const CONFIG = '/api/orgs/acme/auditlogs/export/config';
const NOW = 1_767_312_000; // 2026-01-02T00:00:00Z

function exportDeps(allow: string) {
  return (store: AuditStore, baseURL: () => string) => {
    const guard = createOutboundGuard(parseOutboundAllow(allow), { ca: LOOPBACK_CERT });
    const now = () => NOW;
    const exporter = createExporter({
      store,
      guard,
      sealKey: SEAL_KEY,
      origin: baseURL,
      now,
      log: () => {},
    });
    return { guard, exporter, sealKey: SEAL_KEY, now };
  };
}

function withPlan(store: AuditStore) {
  writeFixtures(store);
  store.setPlan('acme', 'business-critical');
}

let s3: S3Store;
let server: TestServer;
let guarded: TestServer;

beforeAll(async () => {
  s3 = await startS3Store(['audit']);
  server = await startTestServer({ fixtures: withPlan, automatedExport: exportDeps('127.0.0.1') });
  guarded = await startTestServer({ fixtures: withPlan, automatedExport: exportDeps('') });
});
afterAll(async () => {
  await Promise.all([server.close(), guarded.close()]);
  await s3.close();
});

function send(
  target: TestServer,
  method: string,
  path: string,
  body?: unknown,
  token: string = ADMIN_TOKEN,
) {
  return fetch(`${target.baseURL}${path}`, {
    method,
    headers: {
      Authorization: `token ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const compatible = (overrides: Record<string, unknown> = {}) => ({
  endpoint: s3.endpoint,
  s3BucketName: 'audit',
  s3PathPrefix: '/audit-logs/',
  accessKeyId: S3_ACCESS_KEY_ID,
  secretAccessKey: S3_SECRET,
  ...overrides,
});

describe('who may use them', () => {
  it.each([
    ['a member', 'GET', CONFIG, MEMBER_TOKEN, 403],
    ['a member', 'POST', `${CONFIG}/test`, MEMBER_TOKEN, 403],
    ['an unknown organization', 'GET', '/api/orgs/nope/auditlogs/export/config', ADMIN_TOKEN, 404],
  ])('refuses %s (%s %s)', async (_who, method, path, token, status) => {
    const response = await send(server, method, path, method === 'POST' ? {} : undefined, token);
    expect(response.status).toBe(status);
  });

  it('says export is not available below Business Critical', async () => {
    const response = await send(server, 'GET', '/api/orgs/hobby/auditlogs/export/config');
    // hobby is not Enterprise either: the audit log's own refusal comes first.
    expect(response.status).toBe(400);
    server.store.upsertOrganization({ name: 'hobby', displayName: 'Hobby', enterprise: true });
    const enterprise = await send(server, 'POST', '/api/orgs/hobby/auditlogs/export/config', {
      newEnabled: true,
      newS3CompatibleConfiguration: compatible(),
    });
    expect(await enterprise.json()).toEqual({ code: 400, message: EXPORT_MESSAGES.notAvailable });
  });
});

describe('configuration', () => {
  it('is 404 before it exists', async () => {
    const response = await send(server, 'GET', CONFIG);
    expect(response.status).toBe(404);
  });

  it('saves, answers in Pulumi shape without the secret, and never logs it', async () => {
    const saved = await send(server, 'POST', CONFIG, {
      newEnabled: true,
      newS3CompatibleConfiguration: compatible(),
    });
    expect(saved.status).toBe(204);
    const response = await send(server, 'GET', CONFIG);
    const text = await response.text();
    expect(text).not.toContain('secretAccessKey');
    const body = JSON.parse(text) as Record<string, unknown>;
    const validate = schemaValidator(
      'openapi-auditlogs-export.yml',
      'OrganizationAuditLogExportSettings',
    );
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const pulumi = schemaValidator('openapi-auditlogs.yml', 'OrganizationAuditLogExportSettings');
    expect(pulumi(body), JSON.stringify(pulumi.errors)).toBe(true);
    expect(body).toEqual({
      enabled: true,
      s3Config: { s3BucketName: 'audit', s3PathPrefix: 'audit-logs', iamRoleArn: '' },
      s3CompatibleConfig: {
        endpoint: s3.endpoint,
        region: 'us-east-1',
        s3BucketName: 'audit',
        s3PathPrefix: 'audit-logs',
        accessKeyId: S3_ACCESS_KEY_ID,
      },
      lastResult: { timestamp: 0, message: '' },
    });
    const stored = server.store.readExportConfig('acme');
    expect(stored?.sealedSecret).not.toContain(S3_SECRET);
    expect(server.logs.join('\n')).not.toContain(S3_SECRET);
  });

  it('keeps the stored secret when an update omits it, but not for a new endpoint', async () => {
    const before = server.store.readExportConfig('acme')?.sealedSecret;
    const kept = await send(server, 'POST', CONFIG, {
      newEnabled: false,
      newS3CompatibleConfiguration: compatible({ secretAccessKey: undefined }),
    });
    expect(kept.status).toBe(204);
    expect(server.store.readExportConfig('acme')).toMatchObject({
      enabled: false,
      sealedSecret: before,
    });
    const moved = await send(server, 'POST', CONFIG, {
      newEnabled: true,
      newS3CompatibleConfiguration: compatible({
        endpoint: 'https://127.0.0.1:1',
        secretAccessKey: undefined,
      }),
    });
    expect(await moved.json()).toEqual({
      code: 400,
      message: 'secretAccessKey is required for a new endpoint or access key',
    });
  });

  it.each([
    [{ newEnabled: 'yes', newS3CompatibleConfiguration: {} }, 'newEnabled must be true or false'],
    [{ newEnabled: true }, 'give one of newS3Configuration or newS3CompatibleConfiguration'],
    [
      { newEnabled: true, newS3Configuration: { s3BucketName: 'b', iamRoleArn: 'x' } },
      'iamRoleArn must be an IAM role ARN',
    ],
    [
      { newEnabled: true, newS3CompatibleConfiguration: { endpoint: 'http://s3.example.com' } },
      'endpoint must use https',
    ],
    [
      {
        newEnabled: true,
        newS3CompatibleConfiguration: {
          endpoint: 'https://s3.example.com/path',
          s3BucketName: 'bb1',
          accessKeyId: 'k',
        },
      },
      'endpoint must be an origin only',
    ],
    [
      {
        newEnabled: true,
        newS3CompatibleConfiguration: {
          endpoint: 'https://s3.example.com',
          s3BucketName: 'Bad_Bucket',
          accessKeyId: 'k',
        },
      },
      's3BucketName must be 3 to 63',
    ],
    [
      {
        newEnabled: true,
        newS3CompatibleConfiguration: {
          endpoint: 'https://s3.example.com',
          s3BucketName: 'bbb',
          s3PathPrefix: 'a/../b',
          accessKeyId: 'k',
        },
      },
      's3PathPrefix must not have',
    ],
  ])('refuses %j with a message naming the field', async (body, message) => {
    const response = await send(server, 'POST', CONFIG, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });

  it('needs a JSON body', async () => {
    const response = await fetch(`${server.baseURL}${CONFIG}`, {
      method: 'POST',
      headers: { Authorization: `token ${ADMIN_TOKEN}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
  });
});

describe('test and force', () => {
  it('test answers AuditLogExportResult and says what failed', async () => {
    const ok = await send(server, 'POST', `${CONFIG}/test`, compatible());
    const result = await ok.json();
    const validate = schemaValidator('openapi-auditlogs.yml', 'AuditLogExportResult');
    expect(validate(result)).toBe(true);
    expect(result).toEqual({ timestamp: NOW, message: '' });
    const missing = await send(
      server,
      'POST',
      `${CONFIG}/test`,
      compatible({ s3BucketName: 'nope-bucket' }),
    );
    expect(await missing.json()).toEqual({
      timestamp: NOW,
      message: 'Could not write a test object: the bucket does not exist (NoSuchBucket, HTTP 404)',
    });
  });

  it('test may use the stored secret for the stored endpoint', async () => {
    await send(server, 'POST', CONFIG, {
      newEnabled: true,
      newS3CompatibleConfiguration: compatible(),
    });
    const response = await send(
      server,
      'POST',
      `${CONFIG}/test`,
      compatible({ secretAccessKey: undefined }),
    );
    expect(await response.json()).toEqual({ timestamp: NOW, message: '' });
  });

  it('force re-delivers the hour holding the timestamp, and only closed hours', async () => {
    const before = s3.puts.length;
    const response = await send(server, 'POST', `${CONFIG}/force?timestamp=${1_767_225_600 + 100}`);
    expect(await response.json()).toEqual({ timestamp: NOW, message: '' });
    expect(s3.puts.slice(before)).toEqual(['/audit/audit-logs/acme/2026/01/01/00.jsonl.gz']);
    const open = await send(server, 'POST', `${CONFIG}/force?timestamp=${NOW}`);
    expect(await open.json()).toEqual({ code: 400, message: 'that hour has not ended yet' });
    const bad = await send(server, 'POST', `${CONFIG}/force?timestamp=soon`);
    expect(bad.status).toBe(400);
  });

  it('delete removes it; a second delete is 400 as Pulumi answers', async () => {
    expect((await send(server, 'DELETE', CONFIG)).status).toBe(204);
    expect((await send(server, 'GET', CONFIG)).status).toBe(404);
    expect(await (await send(server, 'DELETE', CONFIG)).json()).toEqual({
      code: 400,
      message: EXPORT_MESSAGES.notConfigured,
    });
  });
});

describe('without OUTBOUND_ALLOW', () => {
  it.each([
    ['https://127.0.0.1:9000', '127.0.0.1 is a loopback address'],
    ['https://localhost:9000', 'localhost resolves to'],
    ['https://169.254.169.254', '169.254.169.254 is a cloud metadata address'],
    ['https://10.0.0.8', '10.0.0.8 is a private (RFC 1918) address'],
    ['https://[::ffff:127.0.0.1]:9000', 'is a loopback address in IPv6 form'],
  ])('refuses to save or test %s, with no connection made', async (endpoint, message) => {
    const before = s3.puts.length;
    for (const [path, body] of [
      [CONFIG, { newEnabled: true, newS3CompatibleConfiguration: compatible({ endpoint }) }],
      [`${CONFIG}/test`, compatible({ endpoint })],
    ] as const) {
      const response = await send(guarded, 'POST', path, body);
      expect(response.status).toBe(400);
      const { message: text } = (await response.json()) as { message: string };
      expect(text).toContain(message ?? '');
      expect(text).toContain('unless OUTBOUND_ALLOW lists it');
    }
    expect(s3.puts.length).toBe(before);
    expect(guarded.store.readExportConfig('acme')).toBeUndefined();
  });
});
