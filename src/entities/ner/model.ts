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
 * A model's weights as plain typed arrays. Loaded with `shared`, they live in one
 * SharedArrayBuffer, so worker threads can use them without a copy (see NerModel.fromArrays).
 */
export interface NerModelArrays {
  keys: Uint32Array;
  weights: Float32Array;
  /** Open-addressing table from key to row (see NerModel). */
  table: Int32Array;
  meta: ModelMeta;
}

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
    table?: Int32Array,
  ) {
    this.table = table ?? buildTable(keys, new Int32Array(tableLength(keys.length)));
    this.mask = (this.table.length >> 1) - 1;
    if (keys.length * NUM_LABELS !== weights.length || this.table.length !== tableLength(keys.length)) {
      throw new Error(`NER model arrays disagree: ${keys.length} keys, ${weights.length} weights, table of ${this.table.length}`);
    }
  }

  /** The weights as typed arrays, to hand to worker threads. */
  arrays(): NerModelArrays {
    return { keys: this.keys, weights: this.weights, table: this.table, meta: this.meta };
  }

  /** A model over arrays from another thread's arrays() (nothing is copied). */
  static fromArrays(a: NerModelArrays): NerModel {
    return new NerModel(a.keys, a.weights, a.meta, a.table);
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

  /** Reads a weight file; with `shared`, into a SharedArrayBuffer (see NerModelArrays). */
  static load(path: string, options: { shared?: boolean } = {}): NerModel {
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
    // Keys, weights and table in one buffer; the file's scales and int8 rows are read in place.
    const tableLen = tableLength(n);
    const bytes = (n + n * NUM_LABELS + tableLen) * 4;
    const memory = options.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    const keys = new Uint32Array(memory, 0, n);
    const weights = new Float32Array(memory, n * 4, n * NUM_LABELS);
    const table = new Int32Array(memory, (n + n * NUM_LABELS) * 4, tableLen);
    const start = buf.byteOffset + off;
    keys.set(new Uint32Array(buf.buffer.slice(start, start + n * 4)));
    const scales = new Float32Array(buf.buffer.slice(start + n * 4, start + n * 8));
    // Int8 → float32 in one bulk copy, then scaled row by row: the same float32 values as q·s.
    weights.set(new Int8Array(buf.buffer, start + n * 8, n * NUM_LABELS));
    for (let r = 0; r < n; r++) scaleRow(weights, r * NUM_LABELS, scales[r]!);
    return new NerModel(keys, weights, meta, buildTable(keys, table));
  }
}

/** Length of the probe table for n keys: at most half full. */
function tableLength(n: number): number {
  let cap = 1024;
  while (cap < n * 2) cap <<= 1;
  return cap * 2;
}

/** Fills an empty table (see NerModel.table) with the row of each key. */
function buildTable(keys: Uint32Array, table: Int32Array): Int32Array {
  table.fill(-1);
  const mask = (table.length >> 1) - 1;
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r]! | 0;
    let s = k & mask;
    while (table[2 * s + 1] !== -1) s = (s + 1) & mask;
    table[2 * s] = k;
    table[2 * s + 1] = r;
  }
  return table;
}

function scaleRow(weights: Float32Array, at: number, scale: number): void {
  for (let i = at, end = at + NUM_LABELS; i < end; i++) weights[i]! *= scale;
}
