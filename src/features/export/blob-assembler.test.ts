import { describe, expect, it } from 'vitest';
import { createBlobAssembler, sha256Hex } from './blob-assembler.ts';
import { readBlobText } from '../../testing/test-blob.ts';

describe('createBlobAssembler', () => {
  it('joins appended text across flushes, in order', async () => {
    const assembler = createBlobAssembler('text/csv', 4);
    for (const part of ['ab', 'cde', '', 'f', 'ghijk', 'é']) assembler.append(part);
    const blob = assembler.finish();
    expect(await readBlobText(blob)).toBe('abcdefghijké');
    expect(blob.size).toBe(13);
    expect(blob.type).toBe('text/csv');
  });

  it('finishes empty when nothing was appended', () => {
    expect(createBlobAssembler('text/csv').finish().size).toBe(0);
  });
});

describe('sha256Hex', () => {
  it('hashes the bytes with Web Crypto', async () => {
    const bytes = new TextEncoder().encode('abc');
    const blob = { arrayBuffer: async () => bytes.buffer } as Blob;
    expect(await sha256Hex(blob)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
