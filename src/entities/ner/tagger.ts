import {
  historyKey, historyShapeKey, labelKeys, prevLowerKey, prevShapeKey, type FeatureExtractor, type WordInfo,
} from './features.js';
import { LAST_LABELS, labelType, NEXT_LABELS, NUM_LABELS } from './labels.js';
import type { GazetteerMatch } from './gazetteer.js';
import type { NerModel } from './model.js';

/** A tagged document: BILOU label ids of all tokens, and gazetteer matches per sentence. */
export interface TaggedDocument {
  labels: Int32Array;
  /** First token of each sentence, plus the total at the end. */
  sentenceStarts: number[];
  matches: GazetteerMatch[][];
}

/** Sentinel in a form's cached rows: not looked up yet. */
const UNKNOWN = -2;
/** Layout of WordInfo.dynamicRows: previous label (−1..16) with the word, with its shape, then history type with its shape. */
const PREV_SHAPE_AT = NUM_LABELS + 1;
const HISTORY_SHAPE_AT = 2 * (NUM_LABELS + 1);
const HISTORY_TYPES = 5;
/** Most terms of a token besides its static keys: five word forms, context, label pair, four label-dependent rows. */
const MAX_OTHER_TERMS = 11;

/**
 * Greedy left-to-right decoding over a document. Each token's label is chosen among those a
 * well-formed BILOU sequence allows, from static features, the two previous labels and the
 * labels this document already gave the same word (the "prediction history").
 *
 * Only the allowed labels are scored. Each score adds the same weights in the same order as a
 * full scoring would (word-form vectors, static rows, context, label pair, label-dependent rows),
 * so the labels do not depend on the restriction.
 */
export class Tagger {
  /** The weight vectors that score the current token: terms[q] at offset termAt[q]. */
  private terms: Float32Array[] = [];
  private termAt = new Int32Array(0);
  private rows = new Int32Array(1 << 14);
  private readonly boundary: Float32Array;
  /** Summed weights of the label-only features for each (prev, prev2) pair. */
  private readonly labelVectors: Float32Array;
  /** Row of each history type's key. */
  private readonly historyRows: Int32Array;

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
    this.historyRows = Int32Array.from({ length: HISTORY_TYPES }, (_, h) => model.row(historyKey(h)));
  }

  /** Offset in labelVectors of the previous-labels pair (prev, prev2). */
  private labelAt(prev: number, prev2: number): number {
    return ((prev + 1) * (NUM_LABELS + 1) + prev2 + 1) * NUM_LABELS;
  }

  private addKeys(into: Float32Array, at: number, keys: ArrayLike<number>): void {
    const w = this.model.weights;
    for (let k = 0; k < keys.length; k++) {
      const r = this.model.row(keys[k]!);
      if (r < 0) continue;
      for (let l = 0; l < NUM_LABELS; l++) into[at + l]! += w[r * NUM_LABELS + l]!;
    }
  }

  /** Summed weights of a word form's word-level features at positions −2..2, kept on its record. */
  private wordVector(form: WordInfo): Float32Array {
    if (form.vector) return form.vector;
    const v = new Float32Array(5 * NUM_LABELS);
    for (let p = -2; p <= 2; p++) this.addKeys(v, (p + 2) * NUM_LABELS, this.features.wordKeys(form, p));
    form.vector = v;
    return v;
  }

  /** The form's cached rows of its label-dependent features. */
  private dynamicRows(form: WordInfo): Int32Array {
    if (form.dynamicRows) return form.dynamicRows;
    const rows = new Int32Array(HISTORY_SHAPE_AT + HISTORY_TYPES).fill(UNKNOWN);
    form.dynamicRows = rows;
    return rows;
  }

  private growTerms(n: number): void {
    const size = Math.max(n, 2 * this.terms.length);
    this.terms = new Array<Float32Array>(size).fill(this.boundary);
    this.termAt = new Int32Array(size);
  }

  /** Model row of the static keys, in a buffer reused across documents. */
  private rowsOf(keys: Uint32Array): Int32Array {
    if (this.rows.length < keys.length) this.rows = new Int32Array(keys.length * 2);
    const rows = this.rows;
    for (let k = 0; k < keys.length; k++) rows[k] = this.model.row(keys[k]!);
    return rows;
  }

  /** BILOU label ids for each sentence of a document, with the gazetteer matches the features used. */
  tagDocument(sentences: readonly (readonly string[])[]): TaggedDocument {
    const f = this.features.docFeatures(sentences, false);
    const labels = new Int32Array(f.offsets.length - 1);
    const contextVectors = new Float32Array(f.contextGroups.length * NUM_LABELS);
    f.contextGroups.forEach((keys, g) => this.addKeys(contextVectors, g * NUM_LABELS, keys));
    const rows = this.rowsOf(f.keys);
    const history = new DocHistory();
    const { model, boundary, labelVectors, historyRows } = this;
    const w = model.weights;
    for (let si = 0; si + 1 < f.sentenceStarts.length; si++) {
      const start = f.sentenceStarts[si]!;
      const end = f.sentenceStarts[si + 1]!;
      const forms = f.forms[si]!;
      const vectors = forms.map((form) => this.wordVector(form));
      let prev = -1;
      let prev2 = -1;
      for (let t = start; t < end; t++) {
        const i = t - start;
        const from = f.offsets[t]!;
        const to = f.offsets[t + 1]!;
        if (this.terms.length < to - from + MAX_OTHER_TERMS) this.growTerms(to - from + MAX_OTHER_TERMS);
        const { terms, termAt } = this;
        let m = 0;
        for (let p = -2; p <= 2; p++) {
          const j = i + p;
          terms[m] = j < 0 || j >= forms.length ? boundary : vectors[j]!;
          termAt[m++] = (p + 2) * NUM_LABELS;
        }
        for (let k = from; k < to; k++) {
          const r = rows[k]!;
          if (r < 0) continue;
          terms[m] = w;
          termAt[m++] = r * NUM_LABELS;
        }
        const group = f.contextOf[t]!;
        if (group >= 0) {
          terms[m] = contextVectors;
          termAt[m++] = group * NUM_LABELS;
        }
        terms[m] = labelVectors;
        termAt[m++] = this.labelAt(prev, prev2);
        const form = forms[i]!;
        const dyn = this.dynamicRows(form);
        let r = dyn[prev + 1]!;
        if (r === UNKNOWN) r = dyn[prev + 1] = model.row(prevLowerKey(prev, form.hLower));
        if (r >= 0) {
          terms[m] = w;
          termAt[m++] = r * NUM_LABELS;
        }
        r = dyn[PREV_SHAPE_AT + prev + 1]!;
        if (r === UNKNOWN) r = dyn[PREV_SHAPE_AT + prev + 1] = model.row(prevShapeKey(prev, form.hShape));
        if (r >= 0) {
          terms[m] = w;
          termAt[m++] = r * NUM_LABELS;
        }
        const seen = form.cap ? history.get(form.hLower) : -1;
        if (seen >= 0) {
          r = historyRows[seen]!;
          if (r >= 0) {
            terms[m] = w;
            termAt[m++] = r * NUM_LABELS;
          }
          r = dyn[HISTORY_SHAPE_AT + seen]!;
          if (r === UNKNOWN) r = dyn[HISTORY_SHAPE_AT + seen] = model.row(historyShapeKey(seen, form.hShape));
          if (r >= 0) {
            terms[m] = w;
            termAt[m++] = r * NUM_LABELS;
          }
        }
        const allowed = t === end - 1 ? LAST_LABELS[prev + 1]! : NEXT_LABELS[prev + 1]!;
        let best = 0;
        let bestScore = -Infinity;
        for (let a = 0; a < allowed.length; a++) {
          const l = allowed[a]!;
          let score = 0;
          for (let q = 0; q < m; q++) score += terms[q]![termAt[q]! + l]!;
          if (score > bestScore) {
            bestScore = score;
            best = l;
          }
        }
        labels[t] = best;
        if (form.cap) history.add(form.hLower, best);
        prev2 = prev;
        prev = best;
      }
    }
    return { labels, sentenceStarts: f.sentenceStarts, matches: f.matches };
  }
}

/** Labels this document gave each capitalised word form so far, by type. */
export class DocHistory {
  /** Offset of each word's five counts (PER, ORG, LOC, MISC, O) in `counts`. */
  private readonly index = new Map<number, number>();
  private counts = new Int32Array(5 * 64);

  /** Majority entity type seen for the word (0..3), 4 when it was always O, −1 when unseen. */
  get(word: number): number {
    const at = this.index.get(word);
    if (at === undefined) return -1;
    const c = this.counts;
    let best = 4;
    let bestCount = 0;
    for (let t = 0; t < 4; t++) {
      if (c[at + t]! > bestCount) {
        bestCount = c[at + t]!;
        best = t;
      }
    }
    return best;
  }

  add(word: number, label: number): void {
    let at = this.index.get(word);
    if (at === undefined) {
      at = this.index.size * 5;
      if (at + 5 > this.counts.length) {
        const bigger = new Int32Array(this.counts.length * 2);
        bigger.set(this.counts);
        this.counts = bigger;
      }
      this.index.set(word, at);
    }
    const type = labelType(label);
    this.counts[at + (type < 0 ? 4 : type)]!++;
  }
}
