/**
 * IPv4 and IPv6 addresses as bytes, for `ip:` search terms. Hand-written rather than a library:
 * the query parser validates `ip:` values on the main thread when it reads the URL, and the
 * two checks it needs (parse, compare a prefix) are a few dozen lines, tested against Node's
 * own `net.BlockList`; see docs/decisions/012-range-index.md.
 */

export interface IpAddress {
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
}

const IPV4_PART = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseIpv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

/** The 16-bit groups of one side of `::`, with a trailing dotted IPv4 counted as two groups. */
function parseGroups(text: string, allowIpv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (allowIpv4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4Bytes(part);
      if (!v4) return undefined;
      groups.push(((v4[0] as number) << 8) | (v4[1] as number));
      groups.push(((v4[2] as number) << 8) | (v4[3] as number));
    } else {
      if (!HEX_GROUP.test(part)) return undefined;
      groups.push(parseInt(part, 16));
    }
  }
  return groups;
}

function parseIpv6Bytes(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0] as string, false);
    const tail = parseGroups(halves[1] as string, true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/**
 * Parses a dotted IPv4 or an IPv6 address (with `::` and an IPv4 tail), else undefined:
 * `parseIp('2001:db8::1')?.bytes.length === 16`. Zone ids and leading zeros in IPv4 are refused.
 */
export function parseIp(text: string): IpAddress | undefined {
  const bytes = text.includes(':') ? parseIpv6Bytes(text) : parseIpv4Bytes(text);
  return bytes ? { bytes: Uint8Array.from(bytes) } : undefined;
}
