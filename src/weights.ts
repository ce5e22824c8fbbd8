import { readFileSync, writeFileSync } from 'node:fs';

// Perceptron weights as parley's taggers (NER, POS) keep them: rows of `width` weights keyed by
// 32-bit feature hashes. On disk: magic, version, a JSON header, the keys, one float scale per
// row and the rows as int8 (a weight is q·scale).

/** Length of the probe table for n keys: at most half full. */
export function keyTableLength(n: number): number {
  let cap = 1024;
  while (cap < n * 2) cap <<= 1;
  return cap * 2;
}

/**
 * Open-addressing map from feature key to row, interleaved [key, row] pairs so that a probe
 * touches one cache line. The table may live in memory shared with other threads.
 */
export class KeyTable {
  private readonly mask: number;

  /** A view over a built table (e.g. one another thread built in shared memory). */
  constructor(readonly table: Int32Array) {
    this.mask = (table.length >> 1) - 1;
  }

  /** Builds the table of `keys` into `table` (fresh memory by default). */
  static build(keys: Uint32Array, table: Int32Array = new Int32Array(keyTableLength(keys.length))): KeyTable {
    if (table.length !== keyTableLength(keys.length)) {
      throw new Error(`key table of ${table.length} slots for ${keys.length} keys, expected ${keyTableLength(keys.length)}`);
    }
    table.fill(-1);
    const mask = (table.length >> 1) - 1;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]! | 0;
      let s = k & mask;
      while (table[2 * s + 1] !== -1) s = (s + 1) & mask;
      table[2 * s] = k;
      table[2 * s + 1] = r;
    }
    return new KeyTable(table);
  }

  /** Row of a feature key, or −1 when there is none. */
  row(key: number): number {
    const k = key | 0;
    const table = this.table;
    let s = k & this.mask;
    for (;;) {
      const r = table[2 * s + 1]!;
      if (r === -1 || table[2 * s] === k) return r;
      s = (s + 1) & this.mask;
    }
  }
}

/** Rows quantised to int8, each with the scale that maps its largest weight to ±127. */
export function quantiseRows(weights: Float32Array, width: number): { q: Int8Array; scales: Float32Array } {
  const n = weights.length / width;
  const scales = new Float32Array(n);
  const q = new Int8Array(n * width);
  for (let r = 0; r < n; r++) {
    let max = 0;
    for (let l = 0; l < width; l++) max = Math.max(max, Math.abs(weights[r * width + l]!));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let l = 0; l < width; l++) q[r * width + l] = Math.round(weights[r * width + l]! / scale);
  }
  return { q, scales };
}

/** Drops rows whose weights are all below `below` in size: they barely move any score. */
export function pruneRows(keys: number[], weights: Float32Array, width: number, below: number): { keys: Uint32Array; weights: Float32Array } {
  const keep: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let max = 0;
    for (let l = 0; l < width; l++) max = Math.max(max, Math.abs(weights[r * width + l]!));
    if (max >= below) keep.push(r);
  }
  const outKeys = new Uint32Array(keep.length);
  const outW = new Float32Array(keep.length * width);
  keep.forEach((r, i) => {
    outKeys[i] = keys[r]!;
    outW.set(weights.subarray(r * width, (r + 1) * width), i * width);
  });
  return { keys: outKeys, weights: outW };
}

/** What identifies a weight file: its magic number, version, name in messages and row width. */
export interface WeightFormat {
  magic: number;
  version: number;
  kind: string;
  width: number;
}

export interface WeightFile<M> {
  meta: M;
  keys: Uint32Array;
  scales: Float32Array;
  q: Int8Array;
}

export function writeWeightFile<M>(path: string, format: WeightFormat, file: WeightFile<M>): number {
  const n = file.keys.length;
  const header = Buffer.from(JSON.stringify(file.meta), 'utf8');
  const headerPadded = (header.length + 3) & ~3;
  const total = 12 + headerPadded + n * 8 + n * format.width;
  const buf = Buffer.alloc(total);
  buf.writeUInt32LE(format.magic, 0);
  buf.writeUInt32LE(format.version, 4);
  buf.writeUInt32LE(header.length, 8);
  header.copy(buf, 12);
  let off = 12 + headerPadded;
  new Uint32Array(buf.buffer, buf.byteOffset + off, n).set(file.keys);
  off += n * 4;
  new Float32Array(buf.buffer, buf.byteOffset + off, n).set(file.scales);
  off += n * 4;
  new Int8Array(buf.buffer, buf.byteOffset + off, n * format.width).set(file.q);
  writeFileSync(path, buf);
  return total;
}

/** A weight file's parts as views over its bytes (copied once if they are not 4-aligned). */
export function readWeightFile<M>(path: string, format: WeightFormat): WeightFile<M> {
  const buf = readFileSync(path);
  if (buf.length < 12 || buf.readUInt32LE(0) !== format.magic) throw new Error(`${path}: not a parley ${format.kind} weight file`);
  const version = buf.readUInt32LE(4);
  if (version !== format.version) throw new Error(`${path}: weight file version ${version}, expected ${format.version}`);
  const headerLen = buf.readUInt32LE(8);
  const meta = JSON.parse(buf.subarray(12, 12 + headerLen).toString('utf8')) as M;
  const off = 12 + ((headerLen + 3) & ~3);
  const rest = buf.length - off;
  const n = rest / (8 + format.width);
  if (!Number.isInteger(n)) throw new Error(`${path}: truncated weight file`);
  const start = buf.byteOffset + off;
  const bytes = start % 4 === 0 ? new Uint8Array(buf.buffer, start, rest) : new Uint8Array(buf.buffer, start, rest).slice();
  return {
    meta,
    keys: new Uint32Array(bytes.buffer, bytes.byteOffset, n),
    scales: new Float32Array(bytes.buffer, bytes.byteOffset + n * 4, n),
    q: new Int8Array(bytes.buffer, bytes.byteOffset + n * 8, n * format.width),
  };
}

/** Growable averaged-perceptron weights for training: w and the timestamped sums for averaging. */
export class TrainingWeights {
  w = new Float32Array(1 << 20);
  acc = new Float64Array(1 << 20);
  readonly index = new Map<number, number>();
  readonly keys: number[] = [];

  constructor(readonly width: number) {}

  get rows(): number {
    return this.keys.length;
  }

  /** Row of a feature key; a new row when the key has none and `create` (else −1). */
  rowOf(key: number, create = true): number {
    const r = this.index.get(key);
    if (r !== undefined || !create) return r ?? -1;
    const row = this.keys.length;
    if ((row + 1) * this.width > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const acc = new Float64Array(this.acc.length * 2);
      acc.set(this.acc);
      this.acc = acc;
    }
    this.index.set(key, row);
    this.keys.push(key);
    return row;
  }

  /** Fresh weights with the same rows (e.g. the static features), for another run. */
  cloneRows(): TrainingWeights {
    const out = new TrainingWeights(this.width);
    for (const key of this.keys) out.rowOf(key);
    return out;
  }

  /** The averaged weights after c updates. */
  averaged(c: number): Float32Array {
    const out = new Float32Array(this.keys.length * this.width);
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.acc[i]! / c;
    return out;
  }
}
