/**
 * Writes objects to an export destination through the real S3 API (@aws-sdk/client-s3: AWS, R2,
 * MinIO, any S3-compatible store), every connection made by the outbound guard's agent so the
 * endpoint's resolved addresses are checked each time (decision note 020).
 *
 * Failures become a short message for the admin built from the error's code and HTTP status,
 * never from the store's answer body, plus whether the credentials were refused (which pauses
 * the export after repeated failures).
 */
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { OutboundGuard } from '../outbound/outbound-guard.ts';
import { describeNetworkError } from '../outbound/outbound-guard.ts';
import { isOutboundRefusal } from '../outbound/outbound-policy.ts';
import type { ExportDestination } from '../store/audit-store.ts';
import {
  assumeRole,
  type AssumedRole,
  type AwsCredentials,
  type AwsCredentialsProvider,
} from './assume-role.ts';

// The pinned SDK supports Node 20; it warns on every start that *later* versions will not.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface ObjectWriter {
  put(key: string, body: Buffer | string, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Closes the kept-alive connections. */
  close(): void;
}

export interface DescribedFailure {
  message: string;
  authFailure: boolean;
}

const AUTH_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'InvalidToken',
  'ExpiredToken',
  'CredentialsProviderError',
  'AuthorizationHeaderMalformed',
]);

const REASONS: Record<string, string> = {
  NoSuchBucket: 'the bucket does not exist',
  InvalidAccessKeyId: 'the store does not know this access key ID',
  SignatureDoesNotMatch: 'the secret access key does not match the access key ID',
  AccessDenied: 'these credentials may not write to the bucket',
  InvalidToken: 'the credentials are not valid',
  ExpiredToken: 'the credentials have expired',
  CredentialsProviderError: 'this server has no AWS credentials to write with',
  PermanentRedirect: 'the bucket is in another region',
  AuthorizationHeaderMalformed: 'the region does not match the bucket',
};

/** A short reason for an S3 failure: "the bucket does not exist (NoSuchBucket, HTTP 404)". */
export function describeS3Error(error: unknown): DescribedFailure {
  if (isOutboundRefusal(error)) return { message: (error as Error).message, authFailure: false };
  const e = error as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  const rawName = typeof e?.Code === 'string' ? e.Code : typeof e?.name === 'string' ? e.name : '';
  const name = /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(rawName) ? rawName : '';
  const authFailure = AUTH_CODES.has(name) || status === 401 || status === 403;
  if (status === undefined && !REASONS[name]) {
    return { message: describeNetworkError(error), authFailure: false };
  }
  const reason =
    REASONS[name] ?? (authFailure ? 'the credentials were refused' : 'the store refused');
  const detail = [name, status === undefined ? '' : `HTTP ${status}`].filter(Boolean).join(', ');
  return { message: detail ? `${reason} (${detail})` : reason, authFailure };
}

/**
 * Where an `s3` destination's requests go and what signs the AssumeRole: the SDK's defaults
 * (AWS, the host's credential chain; AWS_ENDPOINT_URL_S3/_STS are the SDK's own overrides), or a
 * test's loopback stores and fixed host credentials.
 */
export interface AwsTargets {
  s3Endpoint?: string;
  stsEndpoint?: string;
  hostCredentials?: AwsCredentials | AwsCredentialsProvider;
}

/** An S3 client for one destination; `secret` is the S3-compatible secret access key. */
export function createObjectWriter(
  destination: ExportDestination,
  secret: string | undefined,
  guard: OutboundGuard,
  aws: AwsTargets = {},
): ObjectWriter {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const requestHandler = {
    httpsAgent: guard.agent(),
    connectionTimeout: 10_000,
    requestTimeout: 60_000,
  };
  let client: S3Client;
  let role: AssumedRole | undefined;
  if (destination.kind === 's3-compatible') {
    client = new S3Client({
      endpoint: destination.endpoint,
      region: destination.region,
      // Path-style (`https://host/bucket/key`) works on every S3-compatible store.
      forcePathStyle: true,
      credentials: { accessKeyId: destination.accessKeyId, secretAccessKey: secret ?? '' },
      requestHandler,
      // The exporter retries with its own backoff and records each failure.
      maxAttempts: 1,
    });
  } else {
    // The admin's role, assumed with the host's AWS credentials (decision note 026).
    role = assumeRole({
      roleArn: destination.iamRoleArn,
      guard,
      region,
      endpoint: aws.stsEndpoint,
      hostCredentials: aws.hostCredentials,
    });
    client = new S3Client({
      credentials: role.provider,
      region,
      endpoint: aws.s3Endpoint,
      forcePathStyle: aws.s3Endpoint !== undefined,
      followRegionRedirects: true,
      requestHandler,
      maxAttempts: 1,
    });
  }
  const Bucket = destination.s3BucketName;
  return {
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    close: () => {
      client.destroy();
      role?.close();
    },
  };
}
