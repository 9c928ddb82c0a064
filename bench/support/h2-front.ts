/**
 * An HTTPS front speaking HTTP/2 (and HTTP/1.1 to clients that ask for it) before the bench
 * server, as a TLS-terminating reverse proxy would be in production: one connection carries
 * every request, so Chromium's six connections per host over HTTP/1.1 no longer cap the range
 * reader. It forwards the browser's Host and says `X-Forwarded-Proto: https`, so the server sees
 * the origin the browser used. The certificate is self-signed for 127.0.0.1 (openssl), and the
 * browser is told to accept it; benchmark use only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Hop-by-hop headers, which HTTP/2 forbids and a proxy never forwards. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

function selfSignedCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-tls-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  const result = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr.toString()}`);
  const pems = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true, force: true });
  return pems;
}

const withoutHopByHop = (headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders =>
  Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith(':') && !HOP_BY_HOP.includes(name)),
  );

/** Starts the front before `targetURL`; resolves with its https URL and a `close`. */
export async function startH2Front(targetURL: string) {
  const target = new URL(targetURL);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const server = http2.createSecureServer(
    { ...selfSignedCertificate(), allowHTTP1: true },
    (request, response) => {
      const headers = withoutHopByHop(request.headers);
      headers.host = request.headers[':authority'] ?? request.headers.host;
      headers['x-forwarded-proto'] = 'https';
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers,
          agent,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
          answer.pipe(response);
        },
      );
      upstream.on('error', () => {
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
      // A browser that cancels a request resets its stream: cancel the upstream request too.
      response.on('close', () => {
        if (!response.writableFinished) upstream.destroy();
      });
      request.pipe(upstream);
    },
  );
  // Closing waits for every session to end; a browser keeps its own open, so close ends them.
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  };
}
