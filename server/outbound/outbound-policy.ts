/**
 * The outbound policy: where the server may send on an admin's behalf (an S3 endpoint, a
 * webhook, anything later). An admin who can save a URL must not make the server reach its own
 * loopback services, the private network behind it or a cloud metadata address and read the
 * answer back (server-side request forgery), so those classes of address are refused unless the
 * deployment lists them in `OUTBOUND_ALLOW` (see decision note 020).
 *
 * `parseOutboundAllow('127.0.0.1, minio.internal, 10.0.0.0/8')` reads the list: a host name is
 * allowed whatever it resolves to, an address or CIDR range allows the addresses in it.
 * `refusal(allow, host, address)` says why one resolved address is refused, or `undefined`.
 */
import { BlockList, isIP } from 'node:net';
import { bareAddress, classifyAddress } from './address-class.ts';

export interface OutboundAllowList {
  /** Lower-case host names allowed whatever they resolve to. */
  hosts: ReadonlySet<string>;
  /** Addresses and ranges allowed despite their class. */
  addresses: BlockList;
  /** The list as written, for messages and logs. */
  text: string;
}

/** A request the policy refuses: `.message` is written for the admin who configured it. */
export class OutboundRefusal extends Error {
  override name = 'OutboundRefusal';
  /** Lets callers recognise it after an HTTP client has re-thrown or wrapped it. */
  readonly code = 'EOUTBOUNDREFUSED';
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/;

/** Reads OUTBOUND_ALLOW; throws an `Error` naming the entry it cannot read. */
export function parseOutboundAllow(raw: string | undefined): OutboundAllowList {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [base = '', prefix, extra] = entry.split('/');
    const address = bareAddress(base);
    const family = isIP(address);
    if (extra !== undefined)
      throw new Error(`'${entry}' is not a host, an address or a CIDR range`);
    if (family !== 0) {
      const type = family === 4 ? 'ipv4' : 'ipv6';
      const max = family === 4 ? 32 : 128;
      if (prefix === undefined) {
        addresses.addAddress(address, type);
        continue;
      }
      const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
      if (!(bits >= 0 && bits <= max)) throw new Error(`'${entry}' has no valid prefix length`);
      addresses.addSubnet(address, bits, type);
    } else if (prefix === undefined && HOST_NAME.test(entry.toLowerCase())) {
      hosts.add(entry.toLowerCase().replace(/\.$/, ''));
    } else {
      throw new Error(`'${entry}' is not a host, an address or a CIDR range`);
    }
  }
  return { hosts, addresses, text: entries.join(',') };
}

/** True when the deployment lists this host name (not an address) in OUTBOUND_ALLOW. */
export function hostAllowed(allow: OutboundAllowList, host: string): boolean {
  return allow.hosts.has(host.toLowerCase().replace(/\.$/, ''));
}

/** True when OUTBOUND_ALLOW lists this address or a range holding it. */
export function addressAllowed(allow: OutboundAllowList, address: string): boolean {
  const bare = bareAddress(address);
  const family = isIP(bare);
  if (family === 0) return false;
  if (allow.addresses.check(bare, family === 4 ? 'ipv4' : 'ipv6')) return true;
  // `::ffff:127.0.0.1` is allowed where `127.0.0.1` is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped !== null && allow.addresses.check(mapped[1]!, 'ipv4');
}

/**
 * Why the server will not connect to `address` (which `host` resolved to), or `undefined` when
 * it may: "127.0.0.1 is a loopback address; this server does not send there unless
 * OUTBOUND_ALLOW lists it".
 */
export function refusal(
  allow: OutboundAllowList,
  host: string,
  address: string,
): OutboundRefusal | undefined {
  if (hostAllowed(allow, host) || addressAllowed(allow, address)) return undefined;
  const found = classifyAddress(address);
  if (!found) return undefined;
  const bare = bareAddress(address);
  const subject = bareAddress(host) === bare ? bare : `${host} resolves to ${bare}, which`;
  return new OutboundRefusal(
    `${subject} is ${found.label}; this server does not send there unless OUTBOUND_ALLOW lists it`,
  );
}

/** True for the refusal itself or an HTTP client's wrapper of it. */
export function isOutboundRefusal(error: unknown): error is OutboundRefusal {
  return (
    error instanceof OutboundRefusal ||
    (typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      error.code === 'EOUTBOUNDREFUSED')
  );
}
