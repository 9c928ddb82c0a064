import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogEvent, AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { BASE_TIME } from '../testing/fixtures.ts';
import { schemaValidator } from '../testing/openapi-schemas.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(); // 250 acme events, 3 per second from BASE_TIME
});
afterAll(() => server.close());

const validatePage = schemaValidator('openapi-auditlogs.yml', 'ResponseAuditLogs');

async function page(pathAndQuery: string): Promise<AuditLogPage> {
  const response = await server.get(pathAndQuery);
  expect(response.status, pathAndQuery).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as AuditLogPage;
  expect(validatePage(body), JSON.stringify(validatePage.errors)).toBe(true);
  return body;
}

async function allPages(pathAndQuery: string): Promise<AuditLogEvent[]> {
  const events: AuditLogEvent[] = [];
  let token: string | undefined;
  do {
    const separator = pathAndQuery.includes('?') ? '&' : '?';
    const next = token
      ? `${pathAndQuery}${separator}continuationToken=${encodeURIComponent(token)}`
      : pathAndQuery;
    const body = await page(next);
    events.push(...body.auditLogEvents);
    token = body.continuationToken ?? undefined;
  } while (token);
  return events;
}

const times = (events: AuditLogEvent[]) => events.map((e) => e.timestamp);
const LAST = BASE_TIME + Math.floor(249 / 3);

describe('list pages', () => {
  it('are newest first, 100 by default, with a token only while more remain', async () => {
    const first = await page('/api/orgs/acme/auditlogs/v2');
    expect(first.auditLogEvents).toHaveLength(100);
    expect(first.auditLogEvents[0]?.timestamp).toBe(LAST);
    expect(typeof first.continuationToken).toBe('string');
    const all = await page('/api/orgs/acme/auditlogs/v2?pageSize=250');
    expect(all.auditLogEvents).toHaveLength(250);
    expect(all).not.toHaveProperty('continuationToken');
    expect(times(all.auditLogEvents)).toEqual([...times(all.auditLogEvents)].sort((a, b) => b - a));
  });

  it('omit false flags and empty fields, and carry the rest', async () => {
    const { auditLogEvents } = await page('/api/orgs/acme/auditlogs/v2?pageSize=250');
    const oldest = auditLogEvents.at(-1); // fixture event 0: every optional field set
    expect(oldest).toEqual({
      timestamp: BASE_TIME,
      sourceIP: '203.0.113.0',
      event: 'stack-created',
      description: 'Event 0: "quoted", a|b=c\\d\nnext line',
      user: {
        name: 'Ada Admin',
        githubLogin: 'ada',
        avatarUrl: `${server.baseURL}/avatars/ada.svg`,
      },
      tokenID: 'tok-0',
      tokenName: 'ci-deploy',
      actorName: 'deploy-bot',
      actorUrn: 'urn:pulumi:actor::0',
      reqOrgAdmin: true,
      reqStackAdmin: true,
      authFailure: true,
    });
    const plain = auditLogEvents.at(-2); // fixture event 1
    expect(Object.keys(plain ?? {}).sort()).toEqual([
      'description',
      'event',
      'sourceIP',
      'timestamp',
      'user',
    ]);
  });

  it('page through every event exactly once with any page size', async () => {
    for (const size of [1, 7, 100, 249]) {
      const events = await allPages(`/api/orgs/acme/auditlogs/v2?pageSize=${size}`);
      expect(events).toHaveLength(250);
      expect(new Set(events.map((e) => e.description)).size).toBe(250);
    }
  });
});

describe('time bounds', () => {
  it('V1: startTime is an exclusive upper bound', async () => {
    const events = await allPages(`/api/orgs/acme/auditlogs?startTime=${BASE_TIME + 10}`);
    expect(events).toHaveLength(30);
    expect(Math.max(...times(events))).toBe(BASE_TIME + 9);
  });

  it('V1: endTime narrows the upper bound further', async () => {
    const events = await allPages(
      `/api/orgs/acme/auditlogs?startTime=${BASE_TIME + 10}&endTime=${BASE_TIME + 5}`,
    );
    expect(Math.max(...times(events))).toBe(BASE_TIME + 4);
  });

  it('V1: pages onward with the continuation token alone', async () => {
    const first = await page(`/api/orgs/acme/auditlogs?startTime=${BASE_TIME + 10}&pageSize=20`);
    const token = encodeURIComponent(first.continuationToken ?? '');
    const second = await page(`/api/orgs/acme/auditlogs?continuationToken=${token}&pageSize=20`);
    expect(second.auditLogEvents).toHaveLength(10);
    expect(second).not.toHaveProperty('continuationToken');
  });

  it('V2: startTime <= timestamp < endTime, each bound optional', async () => {
    const both = await allPages(
      `/api/orgs/acme/auditlogs/v2?startTime=${BASE_TIME + 2}&endTime=${BASE_TIME + 4}`,
    );
    expect(times(both)).toEqual([
      BASE_TIME + 3,
      BASE_TIME + 3,
      BASE_TIME + 3,
      BASE_TIME + 2,
      BASE_TIME + 2,
      BASE_TIME + 2,
    ]);
    const from = await allPages(`/api/orgs/acme/auditlogs/v2?startTime=${LAST}`);
    expect(times(from)).toEqual([LAST]);
    const until = await allPages(`/api/orgs/acme/auditlogs/v2?endTime=${BASE_TIME + 1}`);
    expect(times(until)).toEqual([BASE_TIME, BASE_TIME, BASE_TIME]);
  });

  it('V2: adjacent windows never overlap', async () => {
    const a = await allPages(
      `/api/orgs/acme/auditlogs/v2?startTime=${BASE_TIME}&endTime=${BASE_TIME + 40}`,
    );
    const b = await allPages(
      `/api/orgs/acme/auditlogs/v2?startTime=${BASE_TIME + 40}&endTime=${BASE_TIME + 1000}`,
    );
    expect(a.length + b.length).toBe(250);
  });
});

describe('filters', () => {
  it('userFilter and eventFilter narrow V1 and V2, alone and together', async () => {
    for (const base of [
      `/api/orgs/acme/auditlogs?startTime=${LAST + 1}`,
      '/api/orgs/acme/auditlogs/v2?x=1',
    ]) {
      const mel = await allPages(`${base}&userFilter=mel`);
      expect(mel.length).toBe(83);
      expect(new Set(mel.map((e) => e.user.githubLogin))).toEqual(new Set(['mel']));
      const deleted = await allPages(`${base}&eventFilter=stack-deleted`);
      expect(new Set(deleted.map((e) => e.event))).toEqual(new Set(['stack-deleted']));
      const both = await allPages(`${base}&userFilter=mel&eventFilter=stack-deleted`);
      expect(both.length).toBeGreaterThan(0);
      expect(both.every((e) => e.user.githubLogin === 'mel' && e.event === 'stack-deleted')).toBe(
        true,
      );
    }
  });

  it('an unknown user answers 404; a known event without matches an empty page', async () => {
    const response = await server.get('/api/orgs/acme/auditlogs/v2?userFilter=nobody');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 404, message: 'user not found' });
    const empty = await page('/api/orgs/acme/auditlogs/v2?eventFilter=policy-pack-created');
    expect(empty).toEqual({ auditLogEvents: [] });
  });
});

describe('bad input', () => {
  it.each([
    ['/api/orgs/acme/auditlogs', /startTime or continuationToken/],
    ['/api/orgs/acme/auditlogs/v2?startTime=soon', /startTime/],
    ['/api/orgs/acme/auditlogs/v2?endTime=1e9', /endTime/],
    ['/api/orgs/acme/auditlogs/v2?startTime=5&endTime=5', /startTime/],
    ['/api/orgs/acme/auditlogs/v2?pageSize=0', /pageSize/],
    ['/api/orgs/acme/auditlogs/v2?pageSize=many', /pageSize/],
    ['/api/orgs/acme/auditlogs/v2?eventFilter=stack.deleted', /eventFilter/],
    ['/api/orgs/acme/auditlogs/v2/export?format=pdf', /format/],
  ])('%s answers 400 naming the parameter', async (pathAndQuery, message) => {
    const response = await server.get(pathAndQuery);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; message: string };
    expect(body.code).toBe(400);
    expect(body.message).toMatch(message);
  });

  it('refuses forged, mangled and cross-query continuation tokens', async () => {
    const first = await page('/api/orgs/acme/auditlogs/v2?pageSize=10&userFilter=mel');
    const token = first.continuationToken ?? '';
    const forged = Buffer.from(JSON.stringify({ t: BASE_TIME + 5, i: 3 })).toString('base64url');
    const cases = [
      `/api/orgs/acme/auditlogs/v2?continuationToken=${forged}`,
      `/api/orgs/acme/auditlogs/v2?userFilter=mel&continuationToken=${token.slice(0, -3)}`,
      `/api/orgs/acme/auditlogs/v2?userFilter=mel&continuationToken=${encodeURIComponent(`x${token}`)}`,
      `/api/orgs/acme/auditlogs/v2?userFilter=ada&continuationToken=${token}`,
      `/api/orgs/acme/auditlogs/v2?continuationToken=${token}`,
      `/api/orgs/acme/auditlogs/v2?userFilter=mel&startTime=1&continuationToken=${token}`,
      `/api/orgs/acme/auditlogs?userFilter=mel&continuationToken=${token}`,
      `/api/orgs/acme/auditlogs/v2?userFilter=mel&eventFilter=user-login&continuationToken=${token}`,
    ];
    for (const pathAndQuery of cases) {
      const response = await server.get(pathAndQuery);
      expect(response.status, pathAndQuery).toBe(400);
      expect(await response.json()).toEqual({ code: 400, message: 'invalid continuationToken' });
    }
  });

  it('malformed percent-encoding in the path is not a 500', async () => {
    const response = await server.get('/api/orgs/%E0%A4%A/auditlogs/v2');
    expect(response.status).toBeLessThan(500);
  });
});

describe('an empty Host header', () => {
  // Written by hand: HTTP clients refuse to send an empty Host, but anything can reach a socket.
  async function getWithEmptyHost(path: string): Promise<string> {
    const { connect } = await import('node:net');
    const { ADMIN_TOKEN } = await import('../testing/fixtures.ts');
    const { port } = new URL(server.baseURL);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: \r\nAuthorization: token ${ADMIN_TOKEN}\r\n` +
            'Connection: close\r\n\r\n',
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  it('still answers the list and the export instead of failing', async () => {
    const list = await getWithEmptyHost('/api/orgs/acme/auditlogs/v2?pageSize=1');
    expect(list).toMatch(/^HTTP\/1\.1 200/);
    const exported = await getWithEmptyHost('/api/orgs/acme/auditlogs/v2/export');
    expect(exported).toMatch(/^HTTP\/1\.1 200/);
  });
});
