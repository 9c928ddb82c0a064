import fc from 'fast-check';
import { BlockList, isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ipInRange, parseIpRange } from './ip-range.ts';
import { parseIp } from './parse-ip.ts';

const ipv4 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
const ipv6 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 });
const v4Text = (bytes: number[]) => bytes.join('.');
const v6Text = (bytes: number[]) =>
  Array.from({ length: 8 }, (_, i) =>
    (((bytes[2 * i] as number) << 8) | (bytes[2 * i + 1] as number)).toString(16),
  ).join(':');
/** The shortest form, as the URL standard writes it (`::` for the longest zero run). */
const v6Compressed = (bytes: number[]) =>
  new URL(`http://[${v6Text(bytes)}]`).hostname.slice(1, -1);

describe('parseIp', () => {
  it.each([
    ['0.0.0.0', [0, 0, 0, 0]],
    ['203.0.113.7', [203, 0, 113, 7]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['::', new Array(16).fill(0)],
    ['::1', [...new Array(15).fill(0), 1]],
    ['2001:DB8::', [0x20, 0x01, 0x0d, 0xb8, ...new Array(12).fill(0)]],
    ['::ffff:10.0.0.1', [...new Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]],
  ])('reads %s', (text, bytes) => {
    expect([...(parseIp(text)?.bytes ?? [])]).toEqual(bytes);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.-4',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::',
    'fe80::1%eth0',
    '1.2.3.4::',
    ' 1.2.3.4',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it('reads every IPv4 address as Node does', () => {
    fc.assert(
      fc.property(ipv4, (bytes) => {
        expect([...(parseIp(v4Text(bytes))?.bytes ?? [])]).toEqual(bytes);
      }),
    );
  });

  it('reads IPv6 in full and compressed form to the same bytes', () => {
    fc.assert(
      fc.property(ipv6, (bytes) => {
        expect([...(parseIp(v6Text(bytes))?.bytes ?? [])]).toEqual(bytes);
        expect([...(parseIp(v6Compressed(bytes))?.bytes ?? [])]).toEqual(bytes);
      }),
    );
  });

  it('accepts exactly what Node accepts, over strings of address characters', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789abcdef:.'), maxLength: 20 });
    fc.assert(
      fc.property(text, (candidate) => {
        expect(parseIp(candidate) !== undefined).toBe(isIP(candidate) !== 0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseIpRange', () => {
  it.each([
    ['10.0.0.0/8', 8],
    ['10.1.2.3', 32],
    ['0.0.0.0/0', 0],
    ['2001:db8::/32', 32],
    ['::1', 128],
    ['::/0', 0],
  ])('reads %s with prefix %i', (text, prefixLength) => {
    expect(parseIpRange(text)?.prefixLength).toBe(prefixLength);
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/8/8', '/8', 'x/8'])(
    'refuses %j',
    (text) => {
      expect(parseIpRange(text)).toBeUndefined();
    },
  );
});

describe('ipInRange', () => {
  const inRange = (address: string, range: string) =>
    ipInRange(parseIp(address)!, parseIpRange(range)!);

  it.each([
    ['203.0.113.9', '203.0.113.0/24', true],
    ['203.0.114.9', '203.0.113.0/24', false],
    ['203.0.113.9', '203.0.113.9', true],
    ['10.255.0.1', '10.0.0.0/9', false],
    ['10.127.0.1', '10.0.0.0/9', true],
    ['2001:db8:1::5', '2001:db8::/32', true],
    ['2001:db9::5', '2001:db8::/32', false],
    ['2001:0db8:0000::0005', '2001:db8::5', true],
    ['::ffff:10.0.0.1', '10.0.0.0/8', false],
    ['10.0.0.1', '::/0', false],
  ])('%s in %s: %s', (address, range, expected) => {
    expect(inRange(address, range)).toBe(expected);
  });

  it('agrees with Node for IPv4 blocks', () => {
    fc.assert(
      fc.property(ipv4, ipv4, fc.integer({ min: 0, max: 32 }), (address, network, prefix) => {
        const list = new BlockList();
        list.addSubnet(v4Text(network), prefix, 'ipv4');
        const expected = list.check(v4Text(address), 'ipv4');
        expect(inRange(v4Text(address), `${v4Text(network)}/${prefix}`)).toBe(expected);
      }),
    );
  });

  it('agrees with Node for IPv6 blocks, including addresses near the network', () => {
    const near = fc.tuple(ipv6, fc.integer({ min: 0, max: 128 }), fc.integer({ min: 0, max: 15 }));
    fc.assert(
      fc.property(near, ipv6, ([network, prefix, keep], other) => {
        // Share the first `keep` bytes so that matches are common, not one in 2^prefix.
        const address = [...network.slice(0, keep), ...other.slice(keep)];
        const list = new BlockList();
        list.addSubnet(v6Text(network), prefix, 'ipv6');
        const expected = list.check(v6Text(address), 'ipv6');
        expect(inRange(v6Compressed(address), `${v6Text(network)}/${prefix}`)).toBe(expected);
      }),
    );
  });
});
