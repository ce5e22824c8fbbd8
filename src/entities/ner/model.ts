import { KeyTable, keyTableLength, quantiseRows, readWeightFile, writeWeightFile, type WeightFormat } from '../../weights.js';
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

const FORMAT: WeightFormat = { magic: 0x524e4e50 /* "PNNR" */, version: 1, kind: 'NER', width: NUM_LABELS };

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
  private readonly index: KeyTable;

  constructor(
    readonly keys: Uint32Array,
    readonly weights: Float32Array,
    readonly meta: ModelMeta,
    table?: Int32Array,
  ) {
    this.index = table ? new KeyTable(table) : KeyTable.build(keys);
    if (keys.length * NUM_LABELS !== weights.length || this.index.table.length !== keyTableLength(keys.length)) {
      throw new Error(`NER model arrays disagree: ${keys.length} keys, ${weights.length} weights, table of ${this.index.table.length}`);
    }
  }

  /** The weights as typed arrays, to hand to worker threads. */
  arrays(): NerModelArrays {
    return { keys: this.keys, weights: this.weights, table: this.index.table, meta: this.meta };
  }

  /** A model over arrays from another thread's arrays() (nothing is copied). */
  static fromArrays(a: NerModelArrays): NerModel {
    return new NerModel(a.keys, a.weights, a.meta, a.table);
  }

  /** Row of a feature key, or −1 when the model has no weights for it. */
  row(key: number): number {
    return this.index.row(key);
  }

  get size(): number {
    return this.keys.length;
  }

  save(path: string): number {
    return writeWeightFile(path, FORMAT, { meta: this.meta, keys: this.keys, ...quantiseRows(this.weights, NUM_LABELS) });
  }

  /** Reads a weight file; with `shared`, into a SharedArrayBuffer (see NerModelArrays). */
  static load(path: string, options: { shared?: boolean } = {}): NerModel {
    const file = readWeightFile<ModelMeta>(path, FORMAT);
    const { meta } = file;
    if (meta.labels.length !== NUM_LABELS) throw new Error(`${path}: model has ${meta.labels.length} labels, expected ${NUM_LABELS}`);
    const n = file.keys.length;
    // Keys, weights and table in one buffer.
    const tableLen = keyTableLength(n);
    const bytes = (n + n * NUM_LABELS + tableLen) * 4;
    const memory = options.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    const keys = new Uint32Array(memory, 0, n);
    const weights = new Float32Array(memory, n * 4, n * NUM_LABELS);
    const table = new Int32Array(memory, (n + n * NUM_LABELS) * 4, tableLen);
    keys.set(file.keys);
    // Int8 → float32 in one bulk copy, then scaled row by row: the same float32 values as q·s.
    weights.set(file.q);
    for (let r = 0; r < n; r++) scaleRow(weights, r * NUM_LABELS, file.scales[r]!);
    return new NerModel(keys, weights, meta, KeyTable.build(keys, table).table);
  }
}

function scaleRow(weights: Float32Array, at: number, scale: number): void {
  for (let i = at, end = at + NUM_LABELS; i < end; i++) weights[i]! *= scale;
}
