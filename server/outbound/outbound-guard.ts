/**
 * The one way the server sends on an admin's behalf (S3 endpoints, webhooks, anything later).
 *
 *   const guard = createOutboundGuard(config.outboundAllow);
 *   await guard.check(url, { allowHttp: false });     // at save time: throws OutboundRefusal
 *   const result = await guard.request(url, { method: 'POST', headers, body, allowHttp: true });
 *   // → { ok, status, reason } — a short status line, never the remote body; throws OutboundRefusal
 *   new S3Client({ requestHandler: { httpsAgent: guard.agent() } });   // SDKs: a guarded Agent
 *
 * Every connection is checked where it is made: the agents resolve the name themselves and refuse
 * unless every resolved address passes the policy (outbound-policy.ts), then connect to exactly
 * those addresses, so a name cannot be re-pointed between the check and the connection (DNS
 * rebinding). Literal addresses are checked before any socket opens. Redirects are never
 * followed: a 3xx is reported as a failure. `https` is required unless the caller allows `http`,
 * and even then only to a destination OUTBOUND_ALLOW lists (a local receiver).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { bareAddress } from './address-class.ts';
import {
  addressAllowed,
  hostAllowed,
  isOutboundRefusal,
  OutboundRefusal,
  refusal,
  type OutboundAllowList,
} from './outbound-policy.ts';

/** Resolves a name to every address it has (tests pass one that answers what they need). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export interface OutboundGuardOptions {
  resolve?: Resolve;
  /** Extra certificate authorities to trust besides the public ones (tests' self-signed CA). */
  ca?: string | Buffer;
  /** Default time a request may take, connection to last byte. */
  timeoutMs?: number;
}

export interface CheckOptions {
  /** Webhooks may use `http` to a destination OUTBOUND_ALLOW lists; S3 never (Pulumi requires https). */
  allowHttp?: boolean;
}

export interface OutboundRequest extends CheckOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
}

/** What the admin sees of a delivery: the status and a short reason, never the answer's body. */
export interface OutboundResult {
  ok: boolean;
  /** The HTTP status, or 0 when no answer came. */
  status: number;
  reason: string;
}

export interface OutboundGuard {
  check(url: string, options?: CheckOptions): Promise<URL>;
  request(url: string, init?: OutboundRequest): Promise<OutboundResult>;
  /** A guarded agent for an SDK's HTTP handler; `http: true` for a plain-http one. */
  agent(options?: { http?: boolean }): http.Agent;
}

type ConnectionCallback = (err: Error | null, stream: Duplex) => void;

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_REASON = 120;
/** Bytes of an answer read (and thrown away) before the connection is cut. */
const MAX_DRAIN = 64 * 1024;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/** A short, single-line reason for a network failure: never a stack, never a body. */
export function describeNetworkError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (isOutboundRefusal(error)) return (error as Error).message;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection closed by the other side';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
    case 'OUTBOUND_TIMEOUT':
      return 'no answer in time';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
  }
  if (typeof code === 'string' && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_VERIFY/.test(code)) {
    return `TLS certificate not trusted (${code})`;
  }
  return typeof code === 'string' ? `network error (${code})` : 'network error';
}

function shortReason(text: string): string {
  // eslint-disable-next-line no-control-regex -- status lines come from the remote side
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > MAX_REASON ? `${clean.slice(0, MAX_REASON - 1)}…` : clean;
}

/** Creates the guard for one deployment's OUTBOUND_ALLOW. */
export function createOutboundGuard(
  allow: OutboundAllowList,
  options: OutboundGuardOptions = {},
): OutboundGuard {
  const resolve = options.resolve ?? systemResolve;
  const ca = options.ca === undefined ? undefined : [...rootCertificates, options.ca.toString()];
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** Resolves and checks; `listedOnly` (plain http) also requires OUTBOUND_ALLOW to list them. */
  async function allowedAddresses(host: string, listedOnly: boolean): Promise<LookupAddress[]> {
    const bare = bareAddress(host);
    const family = isIP(bare);
    const addresses = family ? [{ address: bare, family }] : await resolve(bare);
    if (addresses.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
    for (const { address } of addresses) {
      const refused = refusal(allow, bare, address);
      if (refused) throw refused;
      if (listedOnly && !hostAllowed(allow, bare) && !addressAllowed(allow, address)) {
        throw new OutboundRefusal(
          `${bare} is reached over http only if OUTBOUND_ALLOW lists it; use an https URL`,
        );
      }
    }
    return addresses;
  }

  function guardedLookup(listedOnly: boolean): LookupFunction {
    return (hostname, lookupOptions, callback) => {
      allowedAddresses(hostname, listedOnly).then(
        (found) => {
          const wanted = lookupOptions.family;
          const usable =
            wanted === 4 || wanted === 6 ? found.filter((a) => a.family === wanted) : found;
          if (usable.length === 0) {
            callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
          } else if (lookupOptions.all) {
            (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, usable);
          } else {
            callback(null, usable[0]!.address, usable[0]!.family);
          }
        },
        (error: NodeJS.ErrnoException) => callback(error, '', 0),
      );
    };
  }

  /** Literal addresses never reach `lookup`, so they are checked before the socket exists. */
  function guardConnection(
    listedOnly: boolean,
    args: http.ClientRequestArgs,
    callback: ConnectionCallback | undefined,
  ): boolean {
    const host = bareAddress(String(args.host ?? args.hostname ?? 'localhost'));
    if (!isIP(host)) {
      (args as { lookup?: LookupFunction }).lookup = guardedLookup(listedOnly);
      return true;
    }
    const refused =
      refusal(allow, host, host) ??
      (listedOnly && !addressAllowed(allow, host)
        ? new OutboundRefusal(`${host} is reached over http only if OUTBOUND_ALLOW lists it`)
        : undefined);
    if (!refused) return true;
    if (callback) callback(refused, undefined as unknown as Duplex);
    else throw refused;
    return false;
  }

  class GuardedHttpsAgent extends https.Agent {
    override createConnection(args: http.ClientRequestArgs, callback?: ConnectionCallback) {
      return guardConnection(false, args, callback)
        ? super.createConnection(args, callback)
        : undefined;
    }
  }
  class GuardedHttpAgent extends http.Agent {
    override createConnection(args: http.ClientRequestArgs, callback?: ConnectionCallback) {
      return guardConnection(true, args, callback)
        ? super.createConnection(args, callback)
        : undefined;
    }
  }

  function agent({ http: plain = false } = {}): http.Agent {
    return plain ? new GuardedHttpAgent() : new GuardedHttpsAgent({ ca });
  }

  function parse(raw: string, allowHttp: boolean): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundRefusal('The address must be an absolute https URL');
    }
    if (url.username || url.password) {
      throw new OutboundRefusal('The address must not hold a user name or password');
    }
    if (url.protocol === 'https:' || (allowHttp && url.protocol === 'http:')) return url;
    throw new OutboundRefusal(
      allowHttp ? 'The address must be an http or https URL' : 'The address must be an https URL',
    );
  }

  async function check(raw: string, { allowHttp = false }: CheckOptions = {}): Promise<URL> {
    const url = parse(raw, allowHttp);
    await allowedAddresses(url.hostname, url.protocol === 'http:');
    return url;
  }

  const sharedHttps = agent();
  const sharedHttp = agent({ http: true });

  async function request(raw: string, init: OutboundRequest = {}): Promise<OutboundResult> {
    const url = parse(raw, init.allowHttp ?? false);
    const plain = url.protocol === 'http:';
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = { ...init.headers };
    if (body) headers['content-length'] = String(body.length);
    const timeoutMs = init.timeoutMs ?? defaultTimeout;
    return new Promise((resolvePromise, reject) => {
      let settled = false;
      const finish = (result: OutboundResult | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (result instanceof Error) reject(result);
        else resolvePromise(result);
      };
      const send = plain ? http.request : https.request;
      const req = send(
        url,
        { method: init.method ?? 'GET', headers, agent: plain ? sharedHttp : sharedHttps },
        (res) => {
          const status = res.statusCode ?? 0;
          const line = shortReason(`${status} ${res.statusMessage ?? ''}`);
          const redirect = status >= 300 && status < 400;
          finish({
            ok: status >= 200 && status < 300,
            status,
            reason: redirect ? `${line}: a redirect, not followed` : line,
          });
          // The body is read only to free the connection, up to a limit, and never kept.
          let seen = 0;
          res.on('data', (chunk: Buffer) => {
            seen += chunk.length;
            if (seen > MAX_DRAIN) res.destroy();
          });
          res.on('error', () => {});
        },
      );
      const timer = setTimeout(() => {
        req.destroy(Object.assign(new Error('timeout'), { code: 'OUTBOUND_TIMEOUT' }));
      }, timeoutMs);
      req.on('error', (error) => {
        if (isOutboundRefusal(error)) finish(error);
        else finish({ ok: false, status: 0, reason: describeNetworkError(error) });
      });
      req.end(body);
    });
  }

  return { check, request, agent };
}
