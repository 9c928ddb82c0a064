/**
 * Reads the export-config request bodies into a destination (and a secret), and a stored
 * configuration back into Pulumi's shape. Every field is checked here so a bad value is a 400
 * naming the field; secrets never appear in a message.
 */
import {
  DEFAULT_EXPORT_REGION,
  type OrganizationAuditLogExportSettings,
} from '../../common/pulumi/export-config-types.ts';
import { HttpError } from '../http/pulumi-error.ts';
import type { ExportDestination, StoredExportConfig } from '../store/audit-store.ts';

export interface ParsedDestination {
  destination: ExportDestination;
  /** The S3-compatible secret when the body gave one. */
  secret?: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z0-9-]{1,32}$/;
const ACCESS_KEY_ID = /^[\x21-\x7e]{1,128}$/;
const MAX_SECRET = 256;
const MAX_PREFIX = 512;

const bad = (message: string) => new HttpError(400, message);

function field(body: Record<string, unknown>, name: string, required: boolean): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw bad(`${name} is required`);
    return '';
  }
  if (typeof value !== 'string') throw bad(`${name} must be a string`);
  return value.trim();
}

function objectBody(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

/** `logs/audit/` → `logs/audit`: the key layout adds its own slashes. */
export function normalisePrefix(raw: string): string {
  const prefix = raw.replace(/^\/+|\/+$/g, '');
  // eslint-disable-next-line no-control-regex -- object keys are shown to admins and tools
  if (prefix.length > MAX_PREFIX || /[\u0000-\u001f\u007f]/.test(prefix)) {
    throw bad(`s3PathPrefix must be at most ${MAX_PREFIX} printable characters`);
  }
  if (prefix.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    if (prefix !== '') throw bad('s3PathPrefix must not have empty, "." or ".." segments');
  }
  return prefix;
}

function bucket(body: Record<string, unknown>): string {
  const name = field(body, 's3BucketName', true);
  if (!BUCKET.test(name) || name.includes('..')) {
    throw bad('s3BucketName must be 3 to 63 lowercase letters, digits, dots or hyphens');
  }
  return name;
}

function endpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad('endpoint must be an absolute https URL, such as https://s3.example.com');
  }
  if (url.protocol !== 'https:') throw bad('endpoint must use https');
  if (url.username || url.password) throw bad('endpoint must not hold a user name or password');
  if (url.pathname !== '/' || url.search || url.hash) {
    throw bad('endpoint must be an origin only (https://host[:port]), without a path');
  }
  return url.origin;
}

/**
 * An `AuditLogsExportS3Config` or `AuditLogsExportS3CompatibleConfig`: `kind` when the caller
 * knows which, else the S3-compatible one is told by its `endpoint`.
 */
export function parseDestination(
  value: unknown,
  name: string,
  kind?: ExportDestination['kind'],
): ParsedDestination {
  const body = objectBody(value, name);
  const s3PathPrefix = normalisePrefix(field(body, 's3PathPrefix', false));
  if (kind === 's3' && body.endpoint !== undefined) {
    throw bad(`${name} has no endpoint; use newS3CompatibleConfiguration`);
  }
  if ((kind ?? (body.endpoint === undefined ? 's3' : 's3-compatible')) === 's3') {
    const iamRoleArn = field(body, 'iamRoleArn', true);
    if (!ROLE_ARN.test(iamRoleArn)) {
      throw bad('iamRoleArn must be an IAM role ARN (arn:aws:iam::123456789012:role/name)');
    }
    return { destination: { kind: 's3', s3BucketName: bucket(body), s3PathPrefix, iamRoleArn } };
  }
  const origin = endpoint(field(body, 'endpoint', true));
  const s3BucketName = bucket(body);
  const region = field(body, 'region', false) || DEFAULT_EXPORT_REGION;
  if (!REGION.test(region)) throw bad('region must be lowercase letters, digits and hyphens');
  const accessKeyId = field(body, 'accessKeyId', true);
  if (!ACCESS_KEY_ID.test(accessKeyId)) throw bad('accessKeyId must be printable, without spaces');
  const secret = body.secretAccessKey;
  if (secret !== undefined && secret !== null && secret !== '') {
    if (typeof secret !== 'string' || secret.length > MAX_SECRET || /\s/.test(secret)) {
      throw bad(`secretAccessKey must be a string of at most ${MAX_SECRET} characters`);
    }
  }
  return {
    destination: {
      kind: 's3-compatible',
      endpoint: origin,
      region,
      s3BucketName,
      s3PathPrefix,
      accessKeyId,
    },
    ...(typeof secret === 'string' && secret !== '' ? { secret } : {}),
  };
}

/** `UpdateOrganizationAuditLogExportSettingsRequest`: exactly one configuration. */
export function parseUpdateRequest(value: unknown): ParsedDestination & { enabled: boolean } {
  const body = objectBody(value, 'the request body');
  if (typeof body.newEnabled !== 'boolean') throw bad('newEnabled must be true or false');
  const s3 = body.newS3Configuration;
  const compatible = body.newS3CompatibleConfiguration;
  if ((s3 === undefined) === (compatible === undefined)) {
    throw bad('give one of newS3Configuration or newS3CompatibleConfiguration');
  }
  const parsed =
    s3 !== undefined
      ? parseDestination(s3, 'newS3Configuration', 's3')
      : parseDestination(compatible, 'newS3CompatibleConfiguration', 's3-compatible');
  return { ...parsed, enabled: body.newEnabled };
}

/** The stored secret may be kept only for the same store and key: a new one needs it again. */
export function mayKeepSecret(stored: StoredExportConfig | undefined, next: ExportDestination) {
  const previous = stored?.destination;
  return (
    previous?.kind === 's3-compatible' &&
    next.kind === 's3-compatible' &&
    previous.endpoint === next.endpoint &&
    previous.accessKeyId === next.accessKeyId &&
    stored?.sealedSecret != null
  );
}

/** A stored configuration in Pulumi's shape, without any secret. */
export function toSettings(config: StoredExportConfig): OrganizationAuditLogExportSettings {
  const { destination } = config;
  const s3Config = {
    s3BucketName: destination.s3BucketName,
    s3PathPrefix: destination.s3PathPrefix,
    iamRoleArn: destination.kind === 's3' ? destination.iamRoleArn : '',
  };
  return {
    enabled: config.enabled,
    s3Config,
    ...(destination.kind === 's3-compatible'
      ? {
          s3CompatibleConfig: {
            endpoint: destination.endpoint,
            region: destination.region,
            s3BucketName: destination.s3BucketName,
            s3PathPrefix: destination.s3PathPrefix,
            accessKeyId: destination.accessKeyId,
          },
        }
      : {}),
    lastResult: config.lastResult ?? { timestamp: 0, message: '' },
    ...(config.lastDeliveredHour === undefined
      ? {}
      : { lastDeliveredHour: config.lastDeliveredHour }),
  };
}
