/**
 * The server's configuration, read once from the environment. Every value is checked here so a
 * typo stops the server at start with a message naming the variable, not at the first request.
 */
import path from 'node:path';
import { LARGEST_PAGE_SIZE } from '../common/pulumi/api-limits.ts';
import { parseFaults, type FaultPlan } from './faults.ts';
import { parseOutboundAllow, type OutboundAllowList } from './outbound/outbound-policy.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  demoEvents: number;
  demoAdminToken?: string;
  demoMemberToken?: string;
  /** When set, `/api/*` is forwarded here and no local database is opened. */
  pulumiApiUrl?: URL;
  /** Proxy mode: how long Pulumi Cloud may take to answer (and may fall silent while streaming). */
  upstreamTimeoutMs: number;
  sessionSecret?: string;
  /** PUBLIC_URL's origin: the console's address as browsers see it, used instead of Host. */
  publicOrigin?: string;
  faults?: FaultPlan;
  /**
   * The largest page the list endpoints return, whatever `pageSize` asks (Pulumi Cloud's is
   * `PULUMI_PAGE_EVENTS`).
   */
  maxPageSize: number;
  /** Requests per second per token before 429; undefined: no limit. */
  rateLimit?: number;
  /**
   * `JOBS=on` (default): this process runs the background jobs (automated export, alert rules). Behind a load
   * balancer exactly one instance keeps it on; the others set `JOBS=off`.
   */
  jobs: boolean;
  /**
   * Loopback, private, link-local and metadata destinations the deployment lets the server send
   * to on an admin's behalf (S3 endpoints, webhooks); empty by default (decision note 020).
   */
  outboundAllow: OutboundAllowList;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const TOKEN_PATTERN = /^pul-[0-9a-f]{40}$/;
const MAX_DEMO_EVENTS = 50_000_000;
const MAX_RATE_LIMIT = 1_000_000;

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

/** Tokens are printed but never echoed in the error, as a half-right token is still a secret. */
function demoToken(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!TOKEN_PATTERN.test(raw))
    throw new ConfigError(`${name} must look like pul- followed by 40 lowercase hex digits`);
  return raw;
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): URL | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, got '${url.protocol}'`);
  }
  return url;
}

function sessionSecret(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
  return raw;
}

function faults(env: NodeJS.ProcessEnv): FaultPlan | undefined {
  if (!env.FAULTS) return undefined;
  try {
    return parseFaults(env.FAULTS, integer(env, 'FAULTS_SEED', 1, 0, 2 ** 32 - 1));
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}

function outboundAllow(env: NodeJS.ProcessEnv): OutboundAllowList {
  try {
    return parseOutboundAllow(env.OUTBOUND_ALLOW);
  } catch (error) {
    throw new ConfigError(`OUTBOUND_ALLOW: ${error instanceof Error ? error.message : error}`);
  }
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  throw new ConfigError(`${name} must be on or off, got '${raw}'`);
}

function rateLimit(env: NodeJS.ProcessEnv): number | undefined {
  if (!env.RATE_LIMIT) return undefined;
  return integer(env, 'RATE_LIMIT', 0, 1, MAX_RATE_LIMIT);
}

/** Reads the configuration: `parseConfig({PORT: '0'}).port === 0`; throws `ConfigError`. */
export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const config: ServerConfig = {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || '.data'),
    demoEvents: integer(env, 'DEMO_EVENTS', 20_000, 0, MAX_DEMO_EVENTS),
    demoAdminToken: demoToken(env, 'DEMO_ADMIN_TOKEN'),
    demoMemberToken: demoToken(env, 'DEMO_MEMBER_TOKEN'),
    pulumiApiUrl: httpUrl(env, 'PULUMI_API_URL'),
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 30_000, 100, 600_000),
    sessionSecret: sessionSecret(env.SESSION_SECRET),
    publicOrigin: httpUrl(env, 'PUBLIC_URL')?.origin,
    faults: faults(env),
    maxPageSize: integer(env, 'MAX_PAGE_SIZE', LARGEST_PAGE_SIZE, 1, LARGEST_PAGE_SIZE),
    rateLimit: rateLimit(env),
    jobs: onOff(env, 'JOBS', true),
    outboundAllow: outboundAllow(env),
  };
  if (config.demoAdminToken && config.demoAdminToken === config.demoMemberToken) {
    throw new ConfigError('DEMO_ADMIN_TOKEN and DEMO_MEMBER_TOKEN must differ');
  }
  return config;
}
