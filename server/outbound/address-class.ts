/**
 * What kind of address an IP is, for the outbound guard: `classifyAddress('10.1.2.3')` →
 * `{kind: 'private', label: 'a private (RFC 1918) address'}`; a public address → `undefined`.
 *
 * IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible
 * `::a.b.c.d`, NAT64 `64:ff9b::/96` and 6to4 `2002::/16`) are judged by the IPv4 address inside,
 * since a stack may reach that address through them. Ranges are kept in `net.BlockList`s, Node's
 * own matcher, one per kind so the message can say which rule refused.
 */
import { BlockList, isIP, isIPv4 } from 'node:net';

export type AddressKind =
  | 'metadata'
  | 'loopback'
  | 'private'
  | 'unique-local'
  | 'link-local'
  | 'unspecified'
  | 'multicast'
  | 'shared'
  | 'reserved';

export interface AddressClass {
  kind: AddressKind;
  /** Reads after the address: "127.0.0.1 is a loopback address". */
  label: string;
}

type Rule = [kind: AddressKind, label: string, v4: string[], v6: string[]];

// Order matters: the first matching kind names the refusal (metadata before link-local).
const RULES: Rule[] = [
  [
    'metadata',
    'a cloud metadata address',
    ['169.254.169.254/32', '100.100.100.200/32'],
    ['fd00:ec2::254/128'],
  ],
  ['loopback', 'a loopback address', ['127.0.0.0/8'], ['::1/128']],
  ['unspecified', 'an unspecified address', ['0.0.0.0/8'], ['::/128']],
  [
    'private',
    'a private (RFC 1918) address',
    ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
    [],
  ],
  ['unique-local', 'a unique-local address', [], ['fc00::/7']],
  ['link-local', 'a link-local address', ['169.254.0.0/16'], ['fe80::/10']],
  ['multicast', 'a multicast address', ['224.0.0.0/4'], ['ff00::/8']],
  ['shared', 'a shared (carrier-grade NAT) address', ['100.64.0.0/10'], []],
  [
    'reserved',
    'a reserved address',
    ['192.0.0.0/24', '198.18.0.0/15', '240.0.0.0/4'],
    ['fec0::/10', '100::/64'],
  ],
];

function blockList(v4: string[], v6: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of v4) {
    const [net, prefix] = cidr.split('/');
    list.addSubnet(net!, Number(prefix), 'ipv4');
  }
  for (const cidr of v6) {
    const [net, prefix] = cidr.split('/');
    list.addSubnet(net!, Number(prefix), 'ipv6');
  }
  return list;
}

const MATCHERS = RULES.map(([kind, label, v4, v6]) => ({ kind, label, list: blockList(v4, v6) }));

/** An IPv6 address as its eight 16-bit groups: `hextets('::1')` → `[0, 0, 0, 0, 0, 0, 0, 1]`. */
export function hextets(address: string): number[] {
  // A trailing dotted quad (`::ffff:127.0.0.1`) is the last two groups written in decimal.
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)]
      .map((n) => n.toString(16))
      .join(':'),
  );
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const [head = '', rest] = text.split('::');
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const zeros = new Array<number>(Math.max(8 - left.length - right.length, 0)).fill(0);
  return [...left, ...zeros, ...right];
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedIPv4(address: string): string | undefined {
  const h = hextets(address);
  const quad = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && h[5] === 0xffff) return quad(h[6]!, h[7]!); // ::ffff:a.b.c.d
  if (zeros(0, 6) && (h[6] !== 0 || h[7]! > 1)) return quad(h[6]!, h[7]!); // ::a.b.c.d
  if (h[0] === 0x64 && h[1] === 0xff9b && zeros(2, 6)) return quad(h[6]!, h[7]!); // NAT64
  if (h[0] === 0x2002) return quad(h[1]!, h[2]!); // 6to4
  return undefined;
}

/** Strips the brackets URLs put around IPv6 and any zone (`fe80::1%eth0`). */
export function bareAddress(address: string): string {
  return address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
}

/**
 * The class of a literal IP address, or `undefined` for a public one. A string that is not an
 * IP address is classed `reserved` so a caller that forgot to resolve a name refuses it.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = bareAddress(address);
  const family = isIP(bare);
  if (family === 0) return { kind: 'reserved', label: 'not an IP address' };
  if (family === 6) {
    const inner = embeddedIPv4(bare);
    if (inner !== undefined) {
      const found = classifyAddress(inner);
      if (found) return { kind: found.kind, label: `${found.label} in IPv6 form` };
    }
  }
  const type = isIPv4(bare) ? 'ipv4' : 'ipv6';
  const match = MATCHERS.find((m) => m.list.check(bare, type));
  return match && { kind: match.kind, label: match.label };
}
