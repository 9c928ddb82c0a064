/**
 * A real S3-compatible store on loopback over HTTPS (s3rver with the tests' self-signed
 * certificate) for automated-export tests, plus what s3rver leaves out: it checks that an access
 * key ID exists but not the SigV4 signature, so a middleware here verifies each request's
 * signature against the one secret, and a wrong secret is refused as AWS refuses it.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { LOOPBACK_CERT, LOOPBACK_KEY } from './loopback-tls.ts';

/** s3rver's one access key ID; the secret is checked by the middleware below, not by s3rver. */
export const S3_ACCESS_KEY_ID = 'S3RVER';
export const S3_SECRET = 'loopback-store-secret-for-tests';

export interface S3Store {
  endpoint: string;
  /** Keys in the bucket, sorted. */
  keys(bucket: string): Promise<string[]>;
  /** An object's body, gunzipped when it is gzip. */
  read(bucket: string, key: string): Promise<string>;
  /** Requests that wrote an object (PUT), by key. */
  puts: string[];
  close(): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string) =>
  createHmac('sha256', key).update(text).digest();
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** True when the request's SigV4 `Authorization` was made with `secret`. */
function signedWith(req: import('node:http').IncomingMessage, secret: string): boolean {
  const auth = req.headers.authorization ?? '';
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) return false;
  const [, , date, region, service, signedHeaders, signature] = match as unknown as string[];
  const url = new URL(req.url ?? '/', 'https://store.invalid');
  const query = [...url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, b], [c, d]) => (a! < c! ? -1 : a! > c! ? 1 : b! < d! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = signedHeaders!
    .split(';')
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [
    req.method,
    url.pathname,
    query,
    headers,
    signedHeaders,
    String(req.headers['x-amz-content-sha256'] ?? ''),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = [
    'AWS4-HMAC-SHA256',
    String(req.headers['x-amz-date']),
    scope,
    sha256(canonical),
  ].join('\n');
  let key = hmac(`AWS4${secret}`, date!);
  for (const part of [region!, service!, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

/** Starts the store with `buckets` on 127.0.0.1 (a free port). */
export async function startS3Store(buckets: string[]): Promise<S3Store> {
  const directory = mkdtempSync(path.join(tmpdir(), 's3-store-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    key: LOOPBACK_KEY,
    cert: LOOPBACK_CERT,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const puts: string[] = [];
  server.middleware.unshift(async (ctx, next) => {
    if (!signedWith(ctx.req, S3_SECRET)) {
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>remote detail that must not be shown</Message></Error>`;
      return;
    }
    await next();
    if (ctx.method === 'PUT' && ctx.status < 300)
      puts.push(decodeURIComponent(new URL(ctx.url, 'https://x').pathname));
  });
  const { port } = await server.run();
  const endpoint = `https://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET },
    requestHandler: { httpsAgent: new https.Agent({ ca: LOOPBACK_CERT }) },
  });
  return {
    endpoint,
    puts,
    async keys(bucket) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page: ListObjectsV2CommandOutput = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    async read(bucket, key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const bytes = Buffer.from(await answer.Body!.transformToByteArray());
      return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    },
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
