/**
 * The credentials an `s3` destination (Pulumi's shape: bucket, prefix, `iamRoleArn`) writes
 * with: STS AssumeRole of the admin's role, signed with this host's own AWS credentials (the
 * SDK's default chain: environment, profile, instance or task role), as Pulumi Cloud assumes the
 * role from its own account. Every STS request goes through the outbound guard's agent like the
 * S3 requests (decision note 020). The S3 client caches the temporary credentials itself (the
 * SDK memoizes a provider function, asks again shortly before they expire, and merges
 * concurrent asks); they are never logged or kept on disk.
 *
 * STS comes from `@aws-sdk/nested-clients`, the release client-s3 3.1175.0 itself installs (its
 * credential providers use it), so no second copy of the SDK's core is needed; the API is
 * `@aws-sdk/client-sts`'s, which can replace the import one for one (decision note 026).
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import type { OutboundGuard } from '../outbound/outbound-guard.ts';

/** AWS credentials as the SDK takes them (its AwsCredentials). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

export interface AssumeRoleOptions {
  roleArn: string;
  guard: OutboundGuard;
  region: string;
  /** STS's address; unset: the SDK's (`https://sts.{region}.amazonaws.com`, or AWS_ENDPOINT_URL_STS). */
  endpoint?: string;
  /** The host's credentials; unset: the SDK's default chain. Tests give fixed ones. */
  hostCredentials?: AwsCredentials | AwsCredentialsProvider;
}

/** The role's credentials for the S3 client, and the STS client's end (its sockets with it). */
export interface AssumedRole {
  provider: AwsCredentialsProvider;
  close(): void;
}

/** The session name CloudTrail shows for the export's writes. */
export const ROLE_SESSION_NAME = 'audit-log-console-export';
/** An hour, the longest every role allows without changing its maximum session duration. */
const SESSION_SECONDS = 3600;

/**
 * A credential provider for the S3 client, which memoizes it:
 * `const role = assumeRole(…); new S3Client({credentials: role.provider}); …; role.close()`.
 */
export function assumeRole(options: AssumeRoleOptions): AssumedRole {
  const sts = new STSClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.hostCredentials,
    requestHandler: {
      httpsAgent: options.guard.agent(),
      connectionTimeout: 10_000,
      requestTimeout: 30_000,
    },
    // The exporter retries with its own backoff and records each failure.
    maxAttempts: 1,
  });
  const provider = async (): Promise<AwsCredentials> => {
    const answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: options.roleArn,
        RoleSessionName: ROLE_SESSION_NAME,
        DurationSeconds: SESSION_SECONDS,
      }),
    );
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) {
      throw Object.assign(new Error('STS answered without credentials'), { name: 'InvalidToken' });
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  };
  return { provider, close: () => sts.destroy() };
}
