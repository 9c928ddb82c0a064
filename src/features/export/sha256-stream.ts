/**
 * The receipt's SHA-256, computed as the file is written, in file order, so a multi-gigabyte
 * export never has to sit in memory as one ArrayBuffer (Web Crypto can only hash a whole buffer).
 * @noble/hashes: audited, dependency-free, pure JavaScript, so the Content-Security-Policy
 * needs no `wasm-unsafe-eval` (see the README on the choice).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface Sha256Stream {
  update(bytes: Uint8Array): void;
  /** The digest of everything so far as lowercase hex. */
  hex(): string;
}

/** `const h = createSha256Stream(); h.update(new Uint8Array([97, 98, 99])); h.hex()` starts `'ba7816bf'`. */
export function createSha256Stream(): Sha256Stream {
  const hash = sha256.create();
  return {
    update(bytes) {
      hash.update(bytes);
    },
    hex() {
      // A copy is finished, so the stream can go on.
      return digestHex(hash.clone().digest());
    },
  };
}

/** A digest's bytes as the receipt writes them: lowercase hex. */
export function digestHex(digest: ArrayBuffer | Uint8Array): string {
  return bytesToHex(new Uint8Array(digest));
}
