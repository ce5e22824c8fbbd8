// 32-bit hashing: NER feature keys (a template id combined with the hash of its value, kept in
// typed arrays, so no feature strings live at run time) and MinHash fingerprints of articles.

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche step. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines two 32-bit values into a well-mixed key (order matters). */
export function combine(a: number, b: number): number {
  return fmix(Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35) ^ (b >>> 15));
}

/** murmur3's finalizer: spreads every input bit over the whole 32-bit output. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
