import {
  bigramAfterKey, bigramBeforeKey, boundaryKeys, formKeys, formOf, prevLowerKey, prevShapeKey, tagKeys, type Form,
} from './features.js';
import type { PosModel } from './model.js';
import { ruleTag, NUM_TAGS } from './tags.js';

/** A word form seen by the tagger: its features' summed weights, computed once. */
interface Known {
  form: Form;
  /** Tag fixed by rule or by the model's dictionary, −1 when the model scores the word. */
  fixed: number;
  /** Summed weights of the form's features at relative positions −2..2 (filled on first use). */
  vector: Float32Array | null;
}

/** Word-form cache bound (~1 KB a form): a long-running process must not grow without limit. */
const MAX_CACHED_FORMS = 50_000;

/**
 * Greedy left-to-right POS tagging with an averaged perceptron. A word tagged by rule (see
 * ruleTag: punctuation, symbols, numbers in digits) takes that tag, a word of the model's
 * dictionary (frequent, one tag in all the training data) its dictionary tag; any other word
 * is scored from the word forms around
 * it (their weights summed once per form and cached), the word pairs it is in, and the two
 * previous tags.
 */
export class PosTagger {
  private readonly forms = new Map<string, Known>();
  private readonly dictionary: Map<string, number>;
  private readonly boundary = new Float32Array(5 * NUM_TAGS);
  /** Summed weights of the tag-only features for each (prev, prev2) pair. */
  private readonly tagVectors = new Float32Array((NUM_TAGS + 1) * (NUM_TAGS + 1) * NUM_TAGS);
  private readonly scores = new Float64Array(NUM_TAGS);

  constructor(readonly model: PosModel) {
    this.dictionary = new Map(Object.entries(model.meta.dictionary));
    for (const p of [-2, -1, 1, 2]) model.addKeys(this.boundary, (p + 2) * NUM_TAGS, boundaryKeys(p));
    for (let a = -1; a < NUM_TAGS; a++) {
      for (let b = -1; b < NUM_TAGS; b++) model.addKeys(this.tagVectors, this.tagsAt(a, b), tagKeys(a, b));
    }
  }

  private tagsAt(prev: number, prev2: number): number {
    return ((prev + 1) * (NUM_TAGS + 1) + prev2 + 1) * NUM_TAGS;
  }

  private known(word: string): Known {
    let k = this.forms.get(word);
    if (k) return k;
    if (this.forms.size >= MAX_CACHED_FORMS) this.forms.clear();
    const fixed = ruleTag(word);
    const form = formOf(word);
    k = { form, fixed: fixed >= 0 ? fixed : this.dictionary.get(form.text) ?? -1, vector: null };
    this.forms.set(word, k);
    return k;
  }

  private vector(k: Known): Float32Array {
    if (k.vector) return k.vector;
    const v = new Float32Array(5 * NUM_TAGS);
    for (let p = -2; p <= 2; p++) this.model.addKeys(v, (p + 2) * NUM_TAGS, formKeys(k.form, p));
    k.vector = v;
    return v;
  }

  /** Tag indices (into UPOS) of the words of one sentence. */
  tag(words: readonly string[]): Uint8Array {
    const n = words.length;
    const out = new Uint8Array(n);
    const ks = new Array<Known>(n);
    for (let i = 0; i < n; i++) ks[i] = this.known(words[i]!);
    const { scores, boundary, tagVectors, model } = this;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const k = ks[i]!;
      let best = k.fixed;
      if (best < 0) {
        const vm2 = i >= 2 ? this.vector(ks[i - 2]!) : boundary;
        const vm1 = i >= 1 ? this.vector(ks[i - 1]!) : boundary;
        const v0 = this.vector(k);
        const v1 = i + 1 < n ? this.vector(ks[i + 1]!) : boundary;
        const v2 = i + 2 < n ? this.vector(ks[i + 2]!) : boundary;
        const tv = this.tagsAt(prev, prev2);
        for (let l = 0; l < NUM_TAGS; l++) {
          scores[l] = vm2[l]! + vm1[NUM_TAGS + l]! + v0[2 * NUM_TAGS + l]! + v1[3 * NUM_TAGS + l]! + v2[4 * NUM_TAGS + l]! + tagVectors[tv + l]!;
        }
        const f = k.form;
        model.addRow(scores, 0, model.row(bigramBeforeKey(i > 0 ? ks[i - 1]!.form : undefined, f)));
        model.addRow(scores, 0, model.row(bigramAfterKey(f, i + 1 < n ? ks[i + 1]!.form : undefined)));
        model.addRow(scores, 0, model.row(prevLowerKey(prev, f)));
        model.addRow(scores, 0, model.row(prevShapeKey(prev, f)));
        best = 0;
        for (let l = 1; l < NUM_TAGS; l++) if (scores[l]! > scores[best]!) best = l;
      }
      out[i] = best;
      prev2 = prev;
      prev = best;
    }
    return out;
  }
}
