import { parseIp, type IpAddress } from './parse-ip.ts';

/** An address block: `10.0.0.0/8`, `2001:db8::/32`; a single address is a full-length block. */
export interface IpRange {
  address: IpAddress;
  prefixLength: number;
}

const PREFIX = /^(0|[1-9]\d{0,2})$/;

/**
 * Parses `ADDRESS` or `ADDRESS/PREFIX` (CIDR), else undefined. Host bits under the prefix are
 * allowed and ignored, as `ip route` does: `parseIpRange('10.1.2.3/8')?.prefixLength === 8`.
 */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const maxLength = address.bytes.length * 8;
  if (slash < 0) return { address, prefixLength: maxLength };
  const prefixText = text.slice(slash + 1);
  if (!PREFIX.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  return prefixLength <= maxLength ? { address, prefixLength } : undefined;
}

/**
 * Whether `address` lies in `range`. IPv4 and IPv6 are separate spaces (`::ffff:10.0.0.1` is
 * not in `10.0.0.0/8`), as Pulumi records whichever the client used:
 * `ipInRange(parseIp('10.9.8.7')!, parseIpRange('10.0.0.0/8')!) === true`.
 */
export function ipInRange(address: IpAddress, range: IpRange): boolean {
  const a = address.bytes;
  const b = range.address.bytes;
  if (a.length !== b.length) return false;
  const whole = range.prefixLength >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = range.prefixLength & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[whole] as number) & mask) === ((b[whole] as number) & mask);
}
