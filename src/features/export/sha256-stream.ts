/**
 * The receipt's SHA-256, computed as the file is written, in file order, so a multi-gigabyte
 * export never has to sit in memory as one ArrayBuffer (Web Crypto can only hash a whole buffer).
 * @noble/hashes: audited, dependency-free, pure JavaScript, so the Content-Security-Policy
 * needs no `wasm-unsafe-eval` (see the README on the choice).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface Sha256Stream {
  updateText(text: string): void;
  updateBytes(bytes: Uint8Array): void;
  /** The digest of everything so far as lowercase hex. */
  hex(): string;
}

/** `const h = createSha256Stream(); h.updateText('abc'); h.hex()` starts with `'ba7816bf'`. */
export function createSha256Stream(): Sha256Stream {
  const hash = sha256.create();
  const encoder = new TextEncoder();
  // One scratch buffer, grown as needed, instead of a new array per chunk of text.
  let scratch = new Uint8Array(0);
  return {
    updateText(text) {
      if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
      const { written } = encoder.encodeInto(text, scratch);
      hash.update(scratch.subarray(0, written));
    },
    updateBytes(bytes) {
      hash.update(bytes);
    },
    hex() {
      // A copy is finished, so the stream can go on.
      return bytesToHex(hash.clone().digest());
    },
  };
}
