import { createHash } from 'node:crypto';
import { fmix, hashString } from '../hash.js';

// Fingerprints that tell the corpus whether an article is already stored: an exact content hash
// (same words, whatever the layout or case) and a MinHash signature over word shingles for
// near-duplicates (syndicated wire copies, reprints with a new byline or a trimmed paragraph).
// MinHash rather than SimHash because news items are short: on a 100-word story a byline and one
// changed phrase already move a 64-bit SimHash by ~10 bits, while the shingle overlap (Jaccard),
// which MinHash estimates, stays high.

/** Words of the text, lower-cased; punctuation and whitespace differences do not count. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** SHA-256 of the normalised word sequence: equal for texts that differ only in layout or case. */
export function contentHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex');
}

/** Words per shingle: three keeps word order meaningful without making one edit touch many shingles. */
const SHINGLE = 3;
/** Hash functions in a signature. */
export const SIGNATURE_SIZE = 128;
/**
 * LSH banding: BANDS bands of ROWS values; a pair shares a band with probability 1-(1-J^ROWS)^BANDS:
 * 0.99 at J = 0.6, 0.87 at J = 0.5, under 0.03 at J = 0.2 (unrelated stories on the same topic).
 */
const BANDS = 32;
export const BAND_COUNT = BANDS;
const ROWS = SIGNATURE_SIZE / BANDS;

/**
 * Smallest estimated Jaccard similarity of shingle sets that makes a near-duplicate. Measured by
 * `npm run bench:ingest -- --dedup` on generated reprints against distinct generated articles
 * (figures in docs/corpus.md).
 */
export const NEAR_DUPLICATE_JACCARD = 0.5;



/** Per-function seeds, fixed so that signatures are comparable across runs and machines. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix(0x9e3779b9 * (i + 1)));

/** MinHash signature of the text's word 3-shingles (a text shorter than a shingle hashes as one). */
export function minhash(text: string): Uint32Array {
  // Each word is hashed once and a shingle's hash combines its three words' hashes, so no shingle
  // string is ever built; each signature position then re-mixes it with its own seed.
  const w = words(text).map(hashString);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const add = (h: number): void => {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      let v = Math.imul(h ^ SEEDS[i]!, 0x2c1b3c6d);
      v ^= v >>> 12;
      v = Math.imul(v, 0x297a2d39);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  };
  if (w.length < SHINGLE) add(fmix(w.reduce((acc, x) => Math.imul(acc, 0x01000193) ^ x, 0x811c9dc5)));
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    add(fmix(Math.imul(w[i]!, 0x9e3779b1) ^ Math.imul(w[i + 1]!, 0x85ebca77) ^ w[i + 2]!));
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * LSH band keys: one integer per band (band number in the high bits, a hash of its values below),
 * so near-duplicate candidates come from an index lookup instead of a scan.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix((Math.imul(h, 0x01000193) ^ sig[b * ROWS + r]!) >>> 0);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** The signature as bytes for a BLOB column, and back. */
export function signatureBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function signatureFrom(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE);
}
