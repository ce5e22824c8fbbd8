import { readFileSync, writeFileSync } from 'node:fs';
import { NUM_LABELS } from './labels.js';

/** What a weight file records besides the weights, so a model can be checked and described. */
export interface ModelMeta {
  format: 'parley-ner';
  version: number;
  labels: string[];
  trainedOn: string[];
  epochs: number;
  createdAt: string;
}

const MAGIC = 0x524e4e50; // "PNNR" little-endian
const FILE_VERSION = 1;

/**
 * Perceptron weights keyed by 32-bit feature hashes: an open-addressing table from key to a
 * row of NUM_LABELS weights. On disk each row is int8 with its own float scale.
 */
export class NerModel {
  /** Open addressing, interleaved [key, row] pairs so that a probe touches one cache line. */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(
    readonly keys: Uint32Array,
    readonly weights: Float32Array,
    readonly meta: ModelMeta,
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

  get size(): number {
    return this.keys.length;
  }

  save(path: string): number {
    const n = this.keys.length;
    const header = Buffer.from(JSON.stringify(this.meta), 'utf8');
    const headerPadded = (header.length + 3) & ~3;
    const total = 12 + headerPadded + n * 4 + n * 4 + n * NUM_LABELS;
    const buf = Buffer.alloc(total);
    buf.writeUInt32LE(MAGIC, 0);
    buf.writeUInt32LE(FILE_VERSION, 4);
    buf.writeUInt32LE(header.length, 8);
    header.copy(buf, 12);
    let off = 12 + headerPadded;
    const keys = new Uint32Array(buf.buffer, buf.byteOffset + off, n);
    keys.set(this.keys);
    off += n * 4;
    const scales = new Float32Array(buf.buffer, buf.byteOffset + off, n);
    off += n * 4;
    const q = new Int8Array(buf.buffer, buf.byteOffset + off, n * NUM_LABELS);
    for (let r = 0; r < n; r++) {
      let max = 0;
      for (let l = 0; l < NUM_LABELS; l++) max = Math.max(max, Math.abs(this.weights[r * NUM_LABELS + l]!));
      const scale = max / 127 || 1;
      scales[r] = scale;
      for (let l = 0; l < NUM_LABELS; l++) q[r * NUM_LABELS + l] = Math.round(this.weights[r * NUM_LABELS + l]! / scale);
    }
    writeFileSync(path, buf);
    return total;
  }

  static load(path: string): NerModel {
    const buf = readFileSync(path);
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC) throw new Error(`${path}: not a parley NER weight file`);
    const version = buf.readUInt32LE(4);
    if (version !== FILE_VERSION) throw new Error(`${path}: weight file version ${version}, expected ${FILE_VERSION}`);
    const headerLen = buf.readUInt32LE(8);
    const meta = JSON.parse(buf.subarray(12, 12 + headerLen).toString('utf8')) as ModelMeta;
    if (meta.labels.length !== NUM_LABELS) throw new Error(`${path}: model has ${meta.labels.length} labels, expected ${NUM_LABELS}`);
    const off = 12 + ((headerLen + 3) & ~3);
    const rest = buf.length - off;
    const n = rest / (8 + NUM_LABELS);
    if (!Number.isInteger(n)) throw new Error(`${path}: truncated weight file`);
    // Views over the file's bytes, copied only when they are not 4-aligned (Buffer's pool offset).
    const start = buf.byteOffset + off;
    const bytes = start % 4 === 0 ? new Uint8Array(buf.buffer, start, rest) : new Uint8Array(buf.buffer, start, rest).slice();
    const keys = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
    const scales = new Float32Array(bytes.buffer, bytes.byteOffset + n * 4, n);
    // Int8 → float32 in one bulk copy, then scaled row by row: the same float32 values as q·s.
    const weights = new Float32Array(n * NUM_LABELS);
    weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + n * 8, n * NUM_LABELS));
    for (let r = 0; r < n; r++) scaleRow(weights, r * NUM_LABELS, scales[r]!);
    return new NerModel(keys, weights, meta);
  }
}

function scaleRow(weights: Float32Array, at: number, scale: number): void {
  for (let i = at, end = at + NUM_LABELS; i < end; i++) weights[i]! *= scale;
}
