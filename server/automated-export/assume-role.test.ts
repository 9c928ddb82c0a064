/**
 * The `s3` destination (Pulumi's shape, with `iamRoleArn`) writes with the role it names: STS
 * AssumeRole signed with the host's credentials, against a fake STS on loopback HTTPS, then the
 * write to a real S3-compatible store with the temporary credentials. Through the outbound guard.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboundGuard } from '../outbound/outbound-guard.ts';
import { parseOutboundAllow } from '../outbound/outbound-policy.ts';
import { LOOPBACK_CERT, LOOPBACK_KEY } from '../testing/loopback-tls.ts';
import { S3_ACCESS_KEY_ID, S3_SECRET, startS3Store, type S3Store } from '../testing/s3-store.ts';
import { ROLE_SESSION_NAME } from './assume-role.ts';
import { createObjectWriter, describeS3Error } from './s3-destination.ts';

const ROLE = 'arn:aws:iam::123456789012:role/audit-export';
const HOST = { accessKeyId: 'AKIAHOSTEXAMPLE00001', secretAccessKey: 'host-secret-example' };

interface FakeSts {
  url: string;
  requests: Array<{ body: string; authorization: string }>;
  /** The next answers' status (200 grants the store's credentials). */
  status: number;
  /** Connections a client holds open to it now. */
  openConnections(): number;
  close(): Promise<void>;
}

async function startFakeSts(): Promise<FakeSts> {
  const sts: Omit<FakeSts, 'url' | 'close' | 'openConnections'> = { requests: [], status: 200 };
  const server = https.createServer({ cert: LOOPBACK_CERT, key: LOOPBACK_KEY }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      sts.requests.push({
        body: Buffer.concat(chunks).toString(),
        authorization: req.headers.authorization ?? '',
      });
      res.writeHead(sts.status, { 'Content-Type': 'text/xml' });
      if (sts.status !== 200) {
        res.end(
          '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>',
        );
        return;
      }
      const expires = new Date(Date.now() + 3600_000).toISOString();
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleResult><Credentials><AccessKeyId>${S3_ACCESS_KEY_ID}</AccessKeyId>
<SecretAccessKey>${S3_SECRET}</SecretAccessKey><SessionToken>session-token-example</SessionToken>
<Expiration>${expires}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROA:x</AssumedRoleId><Arn>${ROLE}/x</Arn></AssumedRoleUser>
</AssumeRoleResult></AssumeRoleResponse>`);
    });
  });
  let open = 0;
  server.on('connection', (socket) => {
    open++;
    socket.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(sts, {
    url: `https://127.0.0.1:${port}`,
    openConnections: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

let store: S3Store;
let sts: FakeSts;
beforeEach(async () => {
  store = await startS3Store(['audit']);
  sts = await startFakeSts();
});
afterEach(async () => {
  await sts.close();
  await store.close();
});

const destination = {
  kind: 's3' as const,
  s3BucketName: 'audit',
  s3PathPrefix: '',
  iamRoleArn: ROLE,
};

function writer(allow: string) {
  const guard = createOutboundGuard(parseOutboundAllow(allow), { ca: LOOPBACK_CERT });
  return createObjectWriter(destination, undefined, guard, {
    s3Endpoint: store.endpoint,
    stsEndpoint: sts.url,
    hostCredentials: HOST,
  });
}

describe('an s3 destination with an IAM role', () => {
  it('assumes the role with the host’s credentials once, and writes with the role’s', async () => {
    const w = writer('127.0.0.1');
    await w.put('acme/a.txt', 'one', 'text/plain');
    await w.put('acme/b.txt', 'two', 'text/plain');
    w.close();
    expect(await store.keys('audit')).toEqual(['acme/a.txt', 'acme/b.txt']);
    expect(sts.requests).toHaveLength(1);
    const params = new URLSearchParams(sts.requests[0]?.body);
    expect(params.get('Action')).toBe('AssumeRole');
    expect(params.get('RoleArn')).toBe(ROLE);
    expect(params.get('RoleSessionName')).toBe(ROLE_SESSION_NAME);
    expect(sts.requests[0]?.authorization).toContain(`Credential=${HOST.accessKeyId}/`);
    expect(sts.requests[0]?.authorization).toContain('/sts/aws4_request');
  });

  it('closes its connection to STS when the writer closes', async () => {
    const w = writer('127.0.0.1');
    await w.put('acme/a.txt', 'one', 'text/plain');
    expect(sts.requests).toHaveLength(1);
    w.close();
    await expect.poll(() => sts.openConnections(), { timeout: 2000 }).toBe(0);
  });

  it('fails as refused credentials when STS will not let the host assume the role', async () => {
    sts.status = 403;
    const w = writer('127.0.0.1');
    const failure = await w.put('acme/a.txt', 'one', 'text/plain').catch((e: unknown) => e);
    w.close();
    expect(describeS3Error(failure).authFailure).toBe(true);
    expect(await store.keys('audit')).toEqual([]);
  });

  it('asks STS only through the outbound guard: a loopback STS is refused unless allowed', async () => {
    const w = writer('');
    const failure = await w.put('acme/a.txt', 'one', 'text/plain').catch((e: unknown) => e);
    w.close();
    expect(describeS3Error(failure).message).toMatch(/loopback/);
    expect(sts.requests).toHaveLength(0);
  });
});
