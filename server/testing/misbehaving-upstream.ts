/**
 * A deliberately bad "Pulumi Cloud" for proxy tests: it stalls, resets connections, sends CORS
 * headers and cookies, redirects to another host, and keeps connections alive so that a request
 * whose length is wrong would swallow the next one. Every request's headers are recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Bytes of body the upstream read for this request. */
  bodyBytes: number;
}

export interface MisbehavingUpstream {
  url: URL;
  seen: SeenRequest[];
  close(): Promise<void>;
}

type Behaviour = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const json = (response: http.ServerResponse, status: number, body: unknown, extra = {}) => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...extra });
  response.end(JSON.stringify(body));
};

const BEHAVIOURS: Record<string, Behaviour> = {
  '/api/stall': () => {},
  '/api/reset': (request) => request.socket.destroy(),
  '/api/cors': (_request, response) =>
    json(
      response,
      200,
      { auditLogEvents: [] },
      {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'Set-Cookie',
        'Set-Cookie': 'upstream=1',
        'X-Powered-By': 'upstream',
        'Content-Disposition': 'attachment; filename="x.csv"',
        'Retry-After': '3',
      },
    ),
  '/api/redirect': (_request, response) => {
    response.writeHead(302, { Location: 'http://evil.example/steal' });
    response.end();
  },
  '/api/html-error': (_request, response) => {
    response.writeHead(503, { 'Content-Type': 'text/html' });
    response.end('<h1>Service Unavailable</h1>');
  },
  '/api/half-body': (request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    response.write('{"auditLogEvents":[');
    setTimeout(() => request.socket.destroy(), 20);
  },
};

/** Starts it on a free port: `const upstream = await startMisbehavingUpstream()`. */
export async function startMisbehavingUpstream(): Promise<MisbehavingUpstream> {
  const seen: SeenRequest[] = [];
  const server = http.createServer({ keepAlive: true }, (request, response) => {
    const entry: SeenRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      bodyBytes: 0,
    };
    seen.push(entry);
    request.on('data', (chunk: Buffer) => (entry.bodyBytes += chunk.length));
    const behaviour = BEHAVIOURS[new URL(entry.url, 'http://x').pathname];
    if (behaviour) return behaviour(request, response);
    // A token with "bad" in it is refused, as an unknown token would be.
    if (request.headers.authorization?.includes('bad')) {
      return json(response, 401, { code: 401, message: 'Unauthorized' });
    }
    json(response, 200, { githubLogin: 'kim', name: 'Kim', organizations: [] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
