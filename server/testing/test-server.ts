/**
 * Starts the app over real HTTP on a free port against a real SQLite file in a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiDeps } from '../api/audit-log-routes.ts';
import { createApp, type AppDeps } from '../app.ts';
import { createHttpServer } from '../http/http-server.ts';
import { openAuditStore, type AuditStore } from '../store/audit-store.ts';
import { ADMIN_TOKEN, writeFixtures } from './fixtures.ts';

export interface TestServer {
  baseURL: string;
  store: AuditStore;
  dataDir: string;
  logs: string[];
  /** `fetch` against the server with the admin token unless `token: null` or another token. */
  get(
    pathAndQuery: string,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export const TEST_SESSION_KEY = Buffer.alloc(32, 7);
export const TEST_CURSOR_KEY = Buffer.alloc(32, 9);

/** Stands in for server/seed/avatar-svg.ts so these tests do not depend on the seed module. */
export const testAvatar = (login: string, name: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg"><title>${name}</title><text>${login}</text></svg>`;

/** Listens on port 0 and resolves with the server and its port. */
export function listenOnFreePort(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}) {
  return new Promise<{ server: Server; port: number }>((resolve) => {
    const server = createHttpServer(app, '127.0.0.1');
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    );
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The app in proxy mode against `upstreamUrl`, logging nowhere. */
export function createProxyApp(upstreamUrl: URL, options: Partial<AppDeps> = {}) {
  return createApp({
    backend: { kind: 'proxy', upstreamUrl },
    sessionKey: TEST_SESSION_KEY,
    renderAvatar: testAvatar,
    log: () => {},
    ...options,
  });
}

export interface TestServerOptions extends Partial<Omit<AppDeps, 'backend' | 'log'>> {
  /** Writes the data; defaults to `writeFixtures`. */
  fixtures?: (store: AuditStore) => void;
  /** Automated export's endpoints, given the store and the server's URL. */
  automatedExport?: (store: AuditStore, baseURL: () => string) => ApiDeps['automatedExport'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'audit-server-test-'));
  const store = openAuditStore(path.join(dataDir, 'audit.db'));
  (options.fixtures ?? writeFixtures)(store);
  const logs: string[] = [];
  let baseURL = '';
  const app = createApp({
    sessionKey: TEST_SESSION_KEY,
    renderAvatar: testAvatar,
    distDir: path.join(dataDir, 'no-dist'),
    ...options,
    backend: {
      kind: 'local',
      store,
      cursorKey: TEST_CURSOR_KEY,
      automatedExport: options.automatedExport?.(store, () => baseURL),
    },
    log: (line) => logs.push(line),
  });
  const { server, port } = await listenOnFreePort(app);
  baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    store,
    dataDir,
    logs,
    get(pathAndQuery, { token = ADMIN_TOKEN, headers = {} } = {}) {
      const auth: Record<string, string> =
        token === null ? {} : { Authorization: `token ${token}` };
      return fetch(`${baseURL}${pathAndQuery}`, { headers: { ...auth, ...headers } });
    },
    async close() {
      await closeServer(server);
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
