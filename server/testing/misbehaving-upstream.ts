/**
 * A deliberately bad "Pulumi Cloud" for proxy tests: it stalls, resets connections, sends CORS
 * headers and cookies, redirects to another host, and keeps connections alive so that a request
 * whose length is wrong would swallow the next one. `/api/user` with a token naming a body
 * (`pul-huge-1`, `pul-endless-1`, `pul-bomb-1`) answers that body instead of a user. Every
 * request's headers are recorded, and how much of its answer was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Bytes of body the upstream read for this request. */
  bodyBytes: number;
  /** Bytes of body the upstream wrote for this request before it finished or was cut off. */
  sentBytes: number;
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

const SPACES = Buffer.alloc(64 * 1024, ' ');

/** Writes `chunk` for as long as the client reads, never ending the answer. */
function writeForever(response: http.ServerResponse, chunk: Buffer, seen: SeenRequest): void {
  let open = true;
  response.on('close', () => (open = false));
  const pump = () => {
    while (open) {
      seen.sentBytes += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
  };
  pump();
}

/**
 * 256 MiB of JSON whitespace, then a user, in 256 KiB of gzip: concatenated gzip members decode
 * as one body. Read whole it would sign in; read within a 1 MiB cap it is refused.
 */
const gzipBomb = (() => {
  const member = gzipSync(Buffer.alloc(1024 * 1024, ' '), { level: 9 });
  const user = gzipSync(JSON.stringify({ githubLogin: 'bomb', name: 'Bomb', organizations: [] }));
  return Buffer.concat([...Array<Buffer>(256).fill(member), user]);
})();

/** What `/api/user` answers for a token naming one of these bodies. */
const USER_BODIES: Record<string, (response: http.ServerResponse, seen: SeenRequest) => void> = {
  // Announces 2 GiB and sends spaces for as long as the client reads.
  huge: (response, seen) => {
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': String(2 * 1024 ** 3),
    });
    writeForever(response, SPACES, seen);
  },
  // No length at all: a chunked answer that never ends.
  endless: (response, seen) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    writeForever(response, SPACES, seen);
  },
  bomb: (response, seen) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    seen.sentBytes += gzipBomb.length;
    response.end(gzipBomb);
  },
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
  // A page that would run on the console's origin, with a refresh that navigates away.
  '/api/html-page': (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<meta http-equiv="refresh" content="0;url=http://evil.example/">');
  },
  '/api/svg': (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/svg+xml' });
    response.end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  },
  // No type at all: typed JSON elsewhere, but Pulumi documents its export as sent this way.
  '/api/untyped': (_request, response) => {
    response.writeHead(200);
    response.end('{"auditLogEvents":[]}');
  },
  '/api/orgs/acme/auditlogs/export': (request, response) => {
    const type = new URL(request.url ?? '', 'http://x').searchParams.get('type');
    response.writeHead(200, type ? { 'Content-Type': type } : {});
    response.end('Timestamp,Name\r\n');
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
      sentBytes: 0,
    };
    seen.push(entry);
    request.on('data', (chunk: Buffer) => (entry.bodyBytes += chunk.length));
    const behaviour = BEHAVIOURS[new URL(entry.url, 'http://x').pathname];
    if (behaviour) return behaviour(request, response);
    const body = /^token pul-(\w+)-/.exec(request.headers.authorization ?? '')?.[1];
    const userBody =
      body !== undefined && Object.hasOwn(USER_BODIES, body) ? USER_BODIES[body] : undefined;
    if (userBody) return userBody(response, entry);
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
