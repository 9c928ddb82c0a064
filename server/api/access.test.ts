import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import { ADMIN_TOKEN, MEMBER_TOKEN, OUTSIDER_TOKEN, UNKNOWN_TOKEN } from '../testing/fixtures.ts';
import { schemaValidator } from '../testing/openapi-schemas.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const UNAUTHORIZED = {
  code: 401,
  message: 'Unauthorized: No credentials provided or are invalid.',
};
const FORBIDDEN = { code: 403, message: 'You do not have permission to perform this operation.' };
const NOT_ENTERPRISE = {
  code: 400,
  message: 'Audit Logs is available only to organizations with an Enterprise subscription.',
};
const NOT_FOUND = { code: 404, message: "Organization 'nope' not found" };

describe('GET /api/user', () => {
  it('answers the token user with organizations and roles, valid against the User schema', async () => {
    const response = await server.get('/api/user', {
      headers: { Accept: 'application/vnd.pulumi+8' },
    });
    expect(response.status).toBe(200);
    const user = (await response.json()) as Record<string, unknown>;
    const validate = schemaValidator('openapi-users.yml', 'User');
    expect(validate(user), JSON.stringify(validate.errors)).toBe(true);
    expect(user).toMatchObject({
      id: 'ada',
      name: 'Ada Admin',
      githubLogin: 'ada',
      email: 'ada@example.com',
      avatarUrl: `${server.baseURL}/avatars/ada.svg`,
      organizations: [
        {
          name: 'acme',
          githubLogin: 'acme',
          avatarUrl: `${server.baseURL}/avatars/acme.svg`,
          role: 'admin',
        },
        {
          name: 'hobby',
          githubLogin: 'hobby',
          avatarUrl: `${server.baseURL}/avatars/hobby.svg`,
          role: 'admin',
        },
      ],
    });
  });

  it('keeps absolute avatar URLs and lists no organizations for an outsider', async () => {
    const user = (await (
      await server.get('/api/user', { token: OUTSIDER_TOKEN })
    ).json()) as Record<string, unknown>;
    expect(user).toMatchObject({ avatarUrl: 'https://avatars.example.com/u/3', organizations: [] });
  });

  it.each<[string, Record<string, string>]>([
    ['no header', {}],
    ['an unknown token', { Authorization: `token ${UNKNOWN_TOKEN}` }],
    ['another scheme', { Authorization: `Bearer ${ADMIN_TOKEN}` }],
    ['an empty token', { Authorization: 'token ' }],
    ['an oversized token', { Authorization: `token ${'x'.repeat(600)}` }],
  ])('answers 401 with Pulumi’s body for %s', async (_name, headers) => {
    const response = await server.get('/api/user', { token: null, headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(UNAUTHORIZED);
  });

  it('accepts the scheme in any case and every Accept header clients send', async () => {
    for (const accept of [
      'application/vnd.pulumi+4',
      'application/vnd.pulumi+9',
      'application/json',
      '*/*',
      'text/html',
    ]) {
      const response = await server.get('/api/user', {
        token: null,
        headers: { Authorization: `TOKEN ${ADMIN_TOKEN}`, Accept: accept },
      });
      expect(response.status, accept).toBe(200);
    }
  });
});

describe('audit-log access matrix', () => {
  const paths = [
    '/auditlogs?startTime=2000000000',
    '/auditlogs/v2',
    '/auditlogs/export?startTime=2000000000',
    '/auditlogs/v2/export',
    '/auditlogs/event-types',
  ];
  it.each(paths)(
    '%s: 401 without or with a bad token, before looking at the org',
    async (suffix) => {
      for (const token of [null, UNKNOWN_TOKEN]) {
        const response = await server.get(`/api/orgs/nope${suffix}`, { token });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual(UNAUTHORIZED);
      }
    },
  );

  it.each(paths)(
    '%s: 404 unknown org, 403 member or outsider, 400 non-Enterprise, 200 admin',
    async (suffix) => {
      const expectBody = async (org: string, token: string, status: number, body?: object) => {
        const response = await server.get(`/api/orgs/${org}${suffix}`, { token });
        expect(response.status, `${org} ${suffix}`).toBe(status);
        if (body) expect(await response.json()).toEqual(body);
        else await response.arrayBuffer();
      };
      await expectBody('nope', ADMIN_TOKEN, 404, NOT_FOUND);
      await expectBody('acme', MEMBER_TOKEN, 403, FORBIDDEN);
      await expectBody('acme', OUTSIDER_TOKEN, 403, FORBIDDEN);
      await expectBody('hobby', MEMBER_TOKEN, 403, FORBIDDEN);
      await expectBody('hobby', ADMIN_TOKEN, 400, NOT_ENTERPRISE);
      await expectBody('acme', ADMIN_TOKEN, 200);
    },
  );
});

describe('GET /api/orgs/{org}/auditlogs/event-types', () => {
  it('answers the catalog', async () => {
    const response = await server.get('/api/orgs/acme/auditlogs/event-types');
    expect(await response.json()).toEqual({ eventTypes: EVENT_TYPES });
  });
});

describe('writes to the audit log', () => {
  it.each(['PUT', 'PATCH', 'POST', 'DELETE'])('%s answers 405 with Allow: GET', async (method) => {
    for (const suffix of [
      '/auditlogs',
      '/auditlogs/v2',
      '/auditlogs/export',
      '/auditlogs/v2/export',
    ]) {
      const response = await fetch(`${server.baseURL}/api/orgs/acme${suffix}`, {
        method,
        headers: { Authorization: `token ${ADMIN_TOKEN}` },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(await response.json()).toMatchObject({ code: 405 });
    }
  });
});

describe('unknown API paths', () => {
  it('answer a Pulumi 404 body', async () => {
    const response = await server.get('/api/nothing/here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 404, message: 'Not found' });
  });
});
