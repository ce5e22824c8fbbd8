import { readFileSync, writeFileSync } from 'node:fs';
import { NUM_TAGS, UPOS } from './tags.js';

/** What a POS weight file records besides the weights. */
export interface PosMeta {
  format: 'parley-pos';
  version: number;
  tags: string[];
  trainedOn: string[];
  epochs: number;
  createdAt: string;
  /** Words tagged without scoring: word form → tag index (see PosTagger). */
  dictionary: Record<string, number>;
}

const MAGIC = 0x534f5050; // "PPOS" little-endian
const FILE_VERSION = 1;

/**
 * Averaged-perceptron weights keyed by 32-bit feature hashes: an open-addressing table from
 * key to a row of NUM_TAGS weights, each row int8 with its own float scale, in memory as on
 * disk (loading is a view over the file; a weight is read as q·scale).
 */
export class PosModel {
  /** Open addressing, interleaved [key, row] pairs so that a probe touches one cache line. */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(
    readonly keys: Uint32Array,
    readonly q: Int8Array,
    readonly scales: Float32Array,
    readonly meta: PosMeta,
  ) {
    let cap = 1024;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 2).fill(-1);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]! | 0;
      let s = k & this.mask;
      while (this.table[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.table[2 * s] = k;
      this.table[2 * s + 1] = r;
    }
  }

  /** Row of a feature key, or −1 when the model has no weights for it. */
  row(key: number): number {
    const k = key | 0;
    let s = k & this.mask;
    for (;;) {
      const r = this.table[2 * s + 1]!;
      if (r === -1 || this.table[2 * s] === k) return r;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the weights of row r (−1: none) to into[at .. at+NUM_TAGS). */
  addRow(into: Float32Array | Float64Array, at: number, r: number): void {
    if (r < 0) return;
    const q = this.q;
    const s = this.scales[r]!;
    for (let l = 0, base = r * NUM_TAGS; l < NUM_TAGS; l++) into[at + l]! += q[base + l]! * s;
  }

  /** Adds the weights of every key that has a row to into[at .. at+NUM_TAGS). */
  addKeys(into: Float32Array, at: number, keys: readonly number[]): void {
    for (const key of keys) this.addRow(into, at, this.row(key));
  }

  /** A model from float weights (row r at r·NUM_TAGS), quantised row by row. */
  static fromWeights(keys: Uint32Array, weights: Float32Array, meta: PosMeta): PosModel {
    const n = keys.length;
    const scales = new Float32Array(n);
    const q = new Int8Array(n * NUM_TAGS);
    for (let r = 0; r < n; r++) {
      let max = 0;
      for (let l = 0; l < NUM_TAGS; l++) max = Math.max(max, Math.abs(weights[r * NUM_TAGS + l]!));
      const scale = max / 127 || 1;
      scales[r] = scale;
      for (let l = 0; l < NUM_TAGS; l++) q[r * NUM_TAGS + l] = Math.round(weights[r * NUM_TAGS + l]! / scale);
    }
    return new PosModel(keys, q, scales, meta);
  }

  save(path: string): number {
    const n = this.keys.length;
    const header = Buffer.from(JSON.stringify(this.meta), 'utf8');
    const headerPadded = (header.length + 3) & ~3;
    const total = 12 + headerPadded + n * 8 + n * NUM_TAGS;
    const buf = Buffer.alloc(total);
    buf.writeUInt32LE(MAGIC, 0);
    buf.writeUInt32LE(FILE_VERSION, 4);
    buf.writeUInt32LE(header.length, 8);
    header.copy(buf, 12);
    let off = 12 + headerPadded;
    new Uint32Array(buf.buffer, buf.byteOffset + off, n).set(this.keys);
    off += n * 4;
    new Float32Array(buf.buffer, buf.byteOffset + off, n).set(this.scales);
    off += n * 4;
    new Int8Array(buf.buffer, buf.byteOffset + off, n * NUM_TAGS).set(this.q);
    writeFileSync(path, buf);
    return total;
  }

  static load(path: string): PosModel {
    const buf = readFileSync(path);
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC) throw new Error(`${path}: not a parley POS weight file`);
    const version = buf.readUInt32LE(4);
    if (version !== FILE_VERSION) throw new Error(`${path}: weight file version ${version}, expected ${FILE_VERSION}`);
    const headerLen = buf.readUInt32LE(8);
    const meta = JSON.parse(buf.subarray(12, 12 + headerLen).toString('utf8')) as PosMeta;
    if (meta.tags.join(' ') !== UPOS.join(' ')) throw new Error(`${path}: model tags ${meta.tags.join(' ')} differ from ${UPOS.join(' ')}`);
    const off = 12 + ((headerLen + 3) & ~3);
    const rest = buf.length - off;
    const n = rest / (8 + NUM_TAGS);
    if (!Number.isInteger(n)) throw new Error(`${path}: truncated weight file`);
    // Views over the file's bytes, copied only when they are not 4-aligned (Buffer's pool offset).
    const start = buf.byteOffset + off;
    const bytes = start % 4 === 0 ? new Uint8Array(buf.buffer, start, rest) : new Uint8Array(buf.buffer, start, rest).slice();
    const keys = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
    const scales = new Float32Array(bytes.buffer, bytes.byteOffset + n * 4, n);
    const q = new Int8Array(bytes.buffer, bytes.byteOffset + n * 8, n * NUM_TAGS);
    return new PosModel(keys, q, scales, meta);
  }
}
