import { KeyTable, quantiseRows, readWeightFile, writeWeightFile, type WeightFormat } from '../../weights.js';
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

const FORMAT: WeightFormat = { magic: 0x534f5050 /* "PPOS" */, version: 1, kind: 'POS', width: NUM_TAGS };

/**
 * Averaged-perceptron weights keyed by 32-bit feature hashes: an open-addressing table from
 * key to a row of NUM_TAGS weights, each row int8 with its own float scale, in memory as on
 * disk (loading is a view over the file; a weight is read as q·scale).
 */
export class PosModel {
  private readonly index: KeyTable;

  constructor(
    readonly keys: Uint32Array,
    readonly q: Int8Array,
    readonly scales: Float32Array,
    readonly meta: PosMeta,
  ) {
    this.index = KeyTable.build(keys);
  }

  /** Row of a feature key, or −1 when the model has no weights for it. */
  row(key: number): number {
    return this.index.row(key);
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
    const { q, scales } = quantiseRows(weights, NUM_TAGS);
    return new PosModel(keys, q, scales, meta);
  }

  save(path: string): number {
    return writeWeightFile(path, FORMAT, { meta: this.meta, keys: this.keys, scales: this.scales, q: this.q });
  }

  static load(path: string): PosModel {
    const { meta, keys, scales, q } = readWeightFile<PosMeta>(path, FORMAT);
    if (meta.tags.join(' ') !== UPOS.join(' ')) throw new Error(`${path}: model tags ${meta.tags.join(' ')} differ from ${UPOS.join(' ')}`);
    return new PosModel(keys, q, scales, meta);
  }
}
