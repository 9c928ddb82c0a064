import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGEST_PAGE_SIZE } from '../common/pulumi/api-limits.ts';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    const { outboundAllow, ...config } = parseConfig({}, '/srv/app');
    expect(outboundAllow.text).toBe('');
    expect(outboundAllow.hosts.size).toBe(0);
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/app', '.data'),
      demoEvents: 20000,
      demoAdminToken: undefined,
      demoMemberToken: undefined,
      pulumiApiUrl: undefined,
      upstreamTimeoutMs: 30000,
      sessionSecret: undefined,
      publicOrigin: undefined,
      faults: undefined,
      maxPageSize: LARGEST_PAGE_SIZE,
      rateLimit: undefined,
      jobs: true,
    });
  });

  it('reads JOBS as on or off and refuses anything else', () => {
    expect(parseConfig({ JOBS: 'off' }).jobs).toBe(false);
    expect(parseConfig({ JOBS: 'on' }).jobs).toBe(true);
    expect(() => parseConfig({ JOBS: 'yes' })).toThrow(/JOBS must be on or off/);
  });

  it('reads every variable', () => {
    const config = parseConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        DATA_DIR: '/tmp/x',
        DEMO_EVENTS: '0',
        DEMO_ADMIN_TOKEN: `pul-${'1'.repeat(40)}`,
        DEMO_MEMBER_TOKEN: `pul-${'2'.repeat(40)}`,
        PULUMI_API_URL: 'https://api.pulumi.com',
        SESSION_SECRET: 's'.repeat(32),
        UPSTREAM_TIMEOUT_MS: '5000',
        PUBLIC_URL: 'https://audit.example.com/console/',
        FAULTS: '429:0.5,delay:1-2',
        FAULTS_SEED: '7',
        MAX_PAGE_SIZE: '100',
        RATE_LIMIT: '40',
        OUTBOUND_ALLOW: '127.0.0.1,minio.internal',
        JOBS: 'off',
      },
      '/',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      demoEvents: 0,
      maxPageSize: 100,
      rateLimit: 40,
      jobs: false,
    });
    expect(config.outboundAllow.text).toBe('127.0.0.1,minio.internal');
    expect(config.pulumiApiUrl?.href).toBe('https://api.pulumi.com/');
    expect(config).toMatchObject({
      upstreamTimeoutMs: 5000,
      publicOrigin: 'https://audit.example.com',
    });
    expect(config.faults).toEqual({
      shares: { '429': 0.5, '500': 0, reset: 0 },
      delayMs: { min: 1, max: 2 },
      seed: 7,
    });
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ PORT: 'http' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DEMO_EVENTS: '-1' }, /DEMO_EVENTS/],
    [{ DEMO_ADMIN_TOKEN: 'secret' }, /DEMO_ADMIN_TOKEN/],
    [
      { DEMO_ADMIN_TOKEN: `pul-${'1'.repeat(40)}`, DEMO_MEMBER_TOKEN: `pul-${'1'.repeat(40)}` },
      /differ/,
    ],
    [{ PULUMI_API_URL: 'api.pulumi.com' }, /PULUMI_API_URL/],
    [{ PULUMI_API_URL: 'ftp://x' }, /PULUMI_API_URL/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET/],
    [{ UPSTREAM_TIMEOUT_MS: '10s' }, /UPSTREAM_TIMEOUT_MS/],
    [{ PUBLIC_URL: 'audit.example.com' }, /PUBLIC_URL/],
    [{ FAULTS: 'boom:1' }, /FAULTS/],
    [{ MAX_PAGE_SIZE: '0' }, /MAX_PAGE_SIZE/],
    [{ MAX_PAGE_SIZE: String(LARGEST_PAGE_SIZE + 1) }, /MAX_PAGE_SIZE/],
    [{ RATE_LIMIT: '0' }, /RATE_LIMIT/],
    [{ RATE_LIMIT: 'fast' }, /RATE_LIMIT/],
    [{ FAULTS: '429:2' }, /FAULTS/],
    [{ FAULTS: '429:0.6,500:0.6' }, /FAULTS/],
    [{ FAULTS: 'delay:9-1' }, /FAULTS/],
    [{ FAULTS: '429:0.1', FAULTS_SEED: 'x' }, /FAULTS_SEED/],
    [{ OUTBOUND_ALLOW: '10.0.0.0/40' }, /OUTBOUND_ALLOW: '10.0.0.0\/40'/],
    [{ OUTBOUND_ALLOW: 'https://minio' }, /OUTBOUND_ALLOW/],
    [{ JOBS: 'yes' }, /JOBS must be on or off/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('never echoes a malformed token', () => {
    expect(() => parseConfig({ DEMO_MEMBER_TOKEN: 'pul-my-secret' })).toThrow(/^(?!.*my-secret)/);
  });
});
