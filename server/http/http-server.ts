/**
 * The Node HTTP server around the app. Two kinds of request never reach the app, and would get
 * a bare 400 without the security headers every other answer carries: one the HTTP layer cannot
 * turn into a URL (a Host with a path or a user, a backslash in the path; @hono/node-server's
 * answer), and one Node's own parser refuses (`Transfer-Encoding: xchunked`, a header too long,
 * a request too slow; Node's `clientError`). A one-route app with the same header middleware
 * answers both, in Pulumi's JSON.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { securityHeaders } from '../static-hosting.ts';
import { pulumiError } from './pulumi-error.ts';

/** The statuses Node's own answers use, with what each means for the client. */
const UNREADABLE = {
  400: 'Bad Request: the request could not be read.',
  408: 'Request Timeout: the request did not arrive in time.',
  431: 'Request Header Fields Too Large',
} as const;
type UnreadableStatus = keyof typeof UNREADABLE;

const unreadable = new Hono();
unreadable.use('*', securityHeaders());
unreadable.all('/:status', (c) => {
  const status = Number(c.req.param('status')) as UnreadableStatus;
  return pulumiError(c, status, UNREADABLE[status]);
});

/** The answer to an unreadable request. */
export const answerUnreadableRequest = (status: UnreadableStatus = 400) =>
  unreadable.request(`http://localhost/${status}`);

/** As Node's default `clientError` handler chooses its status. */
function statusOf(error: NodeJS.ErrnoException): UnreadableStatus {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** `response` as raw HTTP/1.1 on a socket the parser has given up on, then closes it. */
async function writeRawAndClose(socket: Duplex, response: Response): Promise<void> {
  const head = [`HTTP/1.1 ${response.status} ${http.STATUS_CODES[response.status] ?? ''}`];
  // Headers before the body: @hono/node-server's Response forgets headers set by middleware
  // once its body has been read.
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'connection') head.push(`${name}: ${value}`);
  });
  const body = Buffer.from(await response.arrayBuffer());
  head.push(`Content-Length: ${body.length}`, 'Connection: close', '', '');
  if (socket.writable) socket.end(Buffer.concat([Buffer.from(head.join('\r\n')), body]));
  else socket.destroy();
}

/**
 * A plain node:http server for the app; `hostname` stands in for an empty Host header:
 * `createHttpServer(app, '127.0.0.1').listen(8080)`.
 */
export function createHttpServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  hostname: string,
): http.Server {
  const server = http.createServer(
    getRequestListener(app.fetch, { hostname, errorHandler: () => answerUnreadableRequest() }),
  );
  // The answer in progress on each connection: once its headers are out, another answer on the
  // same socket would corrupt it, so the connection is only closed (as Node's default does).
  const answering = new WeakMap<Duplex, http.ServerResponse>();
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) =>
    answering.set(request.socket, response),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable || answering.get(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    void Promise.resolve(answerUnreadableRequest(statusOf(error)))
      .then((response) => writeRawAndClose(socket, response))
      .catch(() => socket.destroy());
  });
  return server;
}
