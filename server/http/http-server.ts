/**
 * The Node HTTP server around the app. A request the HTTP layer cannot turn into a URL (a Host
 * with a path or a user, a backslash in the path) would get @hono/node-server's bare 400,
 * without the security headers every other answer carries; a one-route app with the same header
 * middleware answers it instead.
 */
import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { securityHeaders } from '../static-hosting.ts';
import { pulumiError } from './pulumi-error.ts';

const unreadable = new Hono();
unreadable.use('*', securityHeaders());
unreadable.all('*', (c) => pulumiError(c, 400, 'Bad Request: the request could not be read.'));

/** The answer to an unreadable request. */
export const answerUnreadableRequest = () => unreadable.request('http://localhost/');

/**
 * A plain node:http server for the app; `hostname` stands in for an empty Host header:
 * `createHttpServer(app, '127.0.0.1').listen(8080)`.
 */
export function createHttpServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  hostname: string,
): http.Server {
  return http.createServer(
    getRequestListener(app.fetch, { hostname, errorHandler: answerUnreadableRequest }),
  );
}
