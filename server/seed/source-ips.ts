/**
 * Source addresses for the demo data, only from the ranges reserved for documentation
 * (RFC 5737 IPv4, RFC 3849 IPv6) so a seeded log never names a real network.
 */
import { hashString } from '../../common/text/hash-string.ts';
import { mulberry32 } from './prng.ts';

const IPV4_PREFIXES = ['192.0.2', '198.51.100', '203.0.113'] as const;

function ipv4(next: () => number): string {
  const prefix = IPV4_PREFIXES[Math.floor(next() * IPV4_PREFIXES.length)] as string;
  return `${prefix}.${1 + Math.floor(next() * 254)}`;
}

function ipv6(next: () => number): string {
  const group = () => Math.floor(next() * 0x10000).toString(16);
  return `2001:db8:${group()}:${group()}::${group()}`;
}

/**
 * Two or three stable addresses for a login: an IPv4 office, an IPv6 home, and for half of them
 * a phone of either family: `sourceIPsFor('kim')` → `['198.51.100.23', '2001:db8:4f1:9a::17']`.
 */
export function sourceIPsFor(login: string): string[] {
  const next = mulberry32(hashString(login));
  const addresses = [ipv4(next), ipv6(next)];
  if (next() < 0.5) addresses.push(next() < 0.35 ? ipv6(next) : ipv4(next));
  return addresses;
}
