import { dynamicFeatures, labelKeys, type DocFeatures, type FeatureExtractor, type WordInfo } from './features.js';
import { ALLOWED, CAN_END, labelType, NUM_LABELS } from './labels.js';
import type { NerModel } from './model.js';

/**
 * Greedy left-to-right decoding over a document. Each token's label is chosen among those a
 * well-formed BILOU sequence allows, from static features, the two previous labels and the
 * labels this document already gave the same word (the "prediction history").
 */
export class Tagger {
  private readonly scores = new Float64Array(NUM_LABELS);
  private readonly dyn = new Uint32Array(16);
  private readonly boundary: Float32Array;
  /** Summed weights of the label-only features for each (prev, prev2) pair. */
  private readonly labelVectors: Float32Array;

  constructor(
    readonly model: NerModel,
    readonly features: FeatureExtractor,
  ) {
    this.boundary = new Float32Array(5 * NUM_LABELS);
    for (const p of [-2, -1, 1, 2]) this.addKeys(this.boundary, (p + 2) * NUM_LABELS, features.boundaryKeys(p));
    const states = NUM_LABELS + 1;
    this.labelVectors = new Float32Array(states * states * NUM_LABELS);
    for (let a = -1; a < NUM_LABELS; a++) {
      for (let b = -1; b < NUM_LABELS; b++) this.addKeys(this.labelVectors, this.labelAt(a, b), labelKeys(a, b));
    }
  }

  /** Offset in labelVectors of the previous-labels pair (prev, prev2). */
  private labelAt(prev: number, prev2: number): number {
    return ((prev + 1) * (NUM_LABELS + 1) + prev2 + 1) * NUM_LABELS;
  }

  private addKeys(into: Float32Array, at: number, keys: number[]): void {
    const w = this.model.weights;
    for (const key of keys) {
      const r = this.model.row(key);
      if (r < 0) continue;
      for (let l = 0; l < NUM_LABELS; l++) into[at + l]! += w[r * NUM_LABELS + l]!;
    }
  }

  /** Summed weights of a word form's word-level features at positions −2..2, kept on its record. */
  private wordVector(form: WordInfo): Float32Array {
    if (form.vector) return form.vector;
    const v = new Float32Array(5 * NUM_LABELS);
    for (let p = -2; p <= 2; p++) this.addKeys(v, (p + 2) * NUM_LABELS, this.features.wordKeys(form.text, p));
    form.vector = v;
    return v;
  }

  /** BILOU label ids for each sentence of a document. */
  tagDocument(sentences: readonly (readonly string[])[]): Int32Array[] {
    const f = this.features.docFeatures(sentences, false);
    const labels = new Int32Array(f.offsets.length - 1);
    const contextVectors = new Float32Array(f.contextGroups.length * NUM_LABELS);
    f.contextGroups.forEach((keys, g) => this.addKeys(contextVectors, g * NUM_LABELS, keys));
    const history = new DocHistory();
    const { model, scores, dyn, boundary, labelVectors } = this;
    const w = model.weights;
    for (let si = 0; si + 1 < f.sentenceStarts.length; si++) {
      const start = f.sentenceStarts[si]!;
      const end = f.sentenceStarts[si + 1]!;
      const forms = f.forms[si]!;
      let prev = -1;
      let prev2 = -1;
      for (let t = start; t < end; t++) {
        scores.fill(0);
        const i = t - start;
        for (let p = -2; p <= 2; p++) {
          const j = i + p;
          const v = j < 0 || j >= forms.length ? boundary : this.wordVector(forms[j]!);
          const at = (p + 2) * NUM_LABELS;
          for (let l = 0; l < NUM_LABELS; l++) scores[l] += v[at + l]!;
        }
        for (let k = f.offsets[t]!; k < f.offsets[t + 1]!; k++) {
          const r = model.row(f.keys[k]!);
          if (r < 0) continue;
          const base = r * NUM_LABELS;
          for (let l = 0; l < NUM_LABELS; l++) scores[l] += w[base + l]!;
        }
        const group = f.contextOf[t]!;
        if (group >= 0) for (let l = 0; l < NUM_LABELS; l++) scores[l] += contextVectors[group * NUM_LABELS + l]!;
        const lv = this.labelAt(prev, prev2);
        for (let l = 0; l < NUM_LABELS; l++) scores[l] += labelVectors[lv + l]!;
        const nd = dynamicFeatures(dyn, f, t, prev, prev2, f.capital[t] ? history.get(f.lowerHash[t]!) : -1, false);
        for (let k = 0; k < nd; k++) {
          const r = model.row(dyn[k]!);
          if (r < 0) continue;
          const base = r * NUM_LABELS;
          for (let l = 0; l < NUM_LABELS; l++) scores[l] += w[base + l]!;
        }
        const last = t === end - 1;
        const allowRow = (prev + 1) * NUM_LABELS;
        let best = 0;
        let bestScore = -Infinity;
        for (let l = 0; l < NUM_LABELS; l++) {
          if (ALLOWED[allowRow + l] === 0 || (last && CAN_END[l] === 0)) continue;
          if (scores[l]! > bestScore) {
            bestScore = scores[l]!;
            best = l;
          }
        }
        labels[t] = best;
        if (f.capital[t]) history.add(f.lowerHash[t]!, best);
        prev2 = prev;
        prev = best;
      }
    }
    return splitBySentence(labels, f);
  }
}

/** Labels this document gave each capitalised word form so far, by type. */
export class DocHistory {
  private readonly counts = new Map<number, Int32Array>();

  /** Majority entity type seen for the word (0..3), 4 when it was always O, −1 when unseen. */
  get(word: number): number {
    const c = this.counts.get(word);
    if (!c) return -1;
    let best = 4;
    let bestCount = 0;
    for (let t = 0; t < 4; t++) {
      if (c[t]! > bestCount) {
        bestCount = c[t]!;
        best = t;
      }
    }
    return best;
  }

  add(word: number, label: number): void {
    let c = this.counts.get(word);
    if (!c) {
      c = new Int32Array(5);
      this.counts.set(word, c);
    }
    const type = labelType(label);
    c[type < 0 ? 4 : type]!++;
  }
}

export function splitBySentence(labels: Int32Array, f: DocFeatures): Int32Array[] {
  const out: Int32Array[] = [];
  for (let si = 0; si + 1 < f.sentenceStarts.length; si++) out.push(labels.subarray(f.sentenceStarts[si]!, f.sentenceStarts[si + 1]!));
  return out;
}
