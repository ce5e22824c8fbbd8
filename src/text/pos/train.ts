import { rng, shuffle } from '../../random.js';
import { pruneRows, TrainingWeights } from '../../weights.js';
import {
  bigramAfterKey, bigramBeforeKey, boundaryKeys, formKeys, formOf, normalised, prevLowerKey, prevShapeKey, tagKeys, type Form,
} from './features.js';
import { PosModel, type PosMeta } from './model.js';
import { PosTagger } from './tagger.js';
import { ruleTag, NUM_TAGS, UPOS } from './tags.js';

/** A tokenised sentence with the tag index of each word (the teacher's tags). */
export interface TaggedSentence {
  words: string[];
  tags: Uint8Array;
}

export interface PosTrainOptions {
  /** Most passes over the training data; the pass that agrees best with dev is kept. */
  epochs: number;
  /** Features seen fewer times in training get no weights. */
  minCount: number;
  /** Rows whose largest averaged weight is smaller are dropped from the saved model. */
  pruneBelow: number;
  /** A word enters the tag dictionary when seen this often ... */
  dictionaryMinCount: number;
  /** ... with one tag in at least this share of its occurrences. */
  dictionaryPurity: number;
  trainedOn: string[];
  seed?: number;
  log?: (line: string) => void;
}

export interface PosTrainResult {
  model: PosModel;
  /** Share of dev tokens whose tag equals the teacher's, with the kept model (null without dev). */
  devAgreement: number | null;
  seconds: number;
}

interface Prepared {
  forms: Form[];
  gold: Uint8Array;
  /** Per token: the tag fixed by rule or dictionary, −1 when scored. */
  fixed: Int16Array;
  /** Static feature rows of token t: rows[offsets[t] .. offsets[t+1]) (−1: below minCount). */
  rows: Int32Array;
  offsets: Uint32Array;
}

/** Static (tag-independent) feature keys of token i, exactly those the tagger sums. */
function staticKeys(forms: Form[], i: number): number[] {
  const f = forms[i]!;
  const keys: number[] = [];
  for (let p = -2; p <= 2; p++) {
    const j = i + p;
    keys.push(...(j < 0 || j >= forms.length ? boundaryKeys(p) : formKeys(forms[j]!, p)));
  }
  keys.push(bigramBeforeKey(forms[i - 1], f), bigramAfterKey(f, forms[i + 1]));
  return keys;
}

/** Frequent words that the teacher gave one tag (almost) everywhere: tagged without scoring. */
function buildDictionary(train: TaggedSentence[], minCount: number, purity: number): Map<string, number> {
  const counts = new Map<string, Uint32Array>();
  for (const s of train) {
    s.words.forEach((w, i) => {
      if (ruleTag(w) >= 0) return;
      const key = normalised(w);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Uint32Array(NUM_TAGS)));
      c[s.tags[i]!]!++;
    });
  }
  const out = new Map<string, number>();
  for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let total = 0;
    let best = 0;
    for (let l = 0; l < NUM_TAGS; l++) {
      total += c[l]!;
      if (c[l]! > c[best]!) best = l;
    }
    if (total >= minCount && c[best]! >= purity * total) out.set(w, best);
  }
  return out;
}

/**
 * Trains the POS perceptron on teacher-tagged sentences with greedy decoding over its own
 * predicted tags (as the tagger runs), keeping the pass that agrees best with dev.
 */
export function trainPos(train: TaggedSentence[], dev: TaggedSentence[] | null, opts: PosTrainOptions): PosTrainResult {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const dictionary = buildDictionary(train, opts.dictionaryMinCount, opts.dictionaryPurity);
  log(`tag dictionary: ${dictionary.size} words`);

  const formCache = new Map<string, Form>();
  const formOfWord = (w: string): Form => {
    let f = formCache.get(w);
    if (!f) formCache.set(w, (f = formOf(w)));
    return f;
  };
  const counts = new Map<number, number>();
  const raw = train.map((s) => {
    const forms = s.words.map(formOfWord);
    const fixed = Int16Array.from(s.words, (w) => {
      const f = ruleTag(w);
      return f >= 0 ? f : dictionary.get(normalised(w)) ?? -1;
    });
    const keys = forms.map((_, i) => (fixed[i]! >= 0 ? [] : staticKeys(forms, i)));
    for (const ks of keys) for (const k of ks) counts.set(k, (counts.get(k) ?? 0) + 1);
    return { forms, fixed, keys, gold: s.tags };
  });
  const weights = new TrainingWeights(NUM_TAGS);
  const data: Prepared[] = raw.map(({ forms, fixed, keys, gold }) => {
    const offsets = new Uint32Array(forms.length + 1);
    const rows: number[] = [];
    keys.forEach((ks, t) => {
      offsets[t] = rows.length;
      for (const k of ks) rows.push(counts.get(k)! >= opts.minCount ? weights.rowOf(k) : -1);
    });
    offsets[forms.length] = rows.length;
    return { forms, gold, fixed, rows: Int32Array.from(rows), offsets };
  });
  counts.clear();
  log(`features: ${weights.keys.length} static rows from ${data.length} sentences (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const random = rng(opts.seed ?? 1);
  const order = data.map((_, i) => i);
  const scores = new Float64Array(NUM_TAGS);
  const dynRows = new Int32Array(8);
  let c = 1;
  let best: { agreement: number; epoch: number; keys: number[]; weights: Float32Array } | null = null;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    let scored = 0;
    for (const si of order) {
      const { forms, gold, fixed, rows, offsets } = data[si]!;
      let prev = -1;
      let prev2 = -1;
      for (let t = 0; t < forms.length; t++) {
        let pred = fixed[t]!;
        if (pred < 0) {
          const f = forms[t]!;
          const dyn = [...tagKeys(prev, prev2), prevLowerKey(prev, f), prevShapeKey(prev, f)];
          const from = offsets[t]!;
          for (let k = 0; k < dyn.length; k++) dynRows[k] = weights.rowOf(dyn[k]!);
          const W = weights.w;
          scores.fill(0);
          for (let k = from; k < offsets[t + 1]!; k++) {
            const r = rows[k]!;
            if (r < 0) continue;
            for (let l = 0; l < NUM_TAGS; l++) scores[l]! += W[r * NUM_TAGS + l]!;
          }
          for (let k = 0; k < dyn.length; k++) {
            const r = dynRows[k]!;
            for (let l = 0; l < NUM_TAGS; l++) scores[l]! += W[r * NUM_TAGS + l]!;
          }
          pred = 0;
          for (let l = 1; l < NUM_TAGS; l++) if (scores[l]! > scores[pred]!) pred = l;
          const g = gold[t]!;
          scored++;
          if (pred !== g) {
            errors++;
            const A = weights.acc;
            const update = (r: number): void => {
              W[r * NUM_TAGS + g]! += 1;
              A[r * NUM_TAGS + g]! += c;
              W[r * NUM_TAGS + pred]! -= 1;
              A[r * NUM_TAGS + pred]! -= c;
            };
            for (let k = from; k < offsets[t + 1]!; k++) if (rows[k]! >= 0) update(rows[k]!);
            for (let k = 0; k < dyn.length; k++) update(dynRows[k]!);
          }
          c++;
        }
        prev2 = prev;
        prev = pred;
      }
    }
    const avg = weights.averaged(c);
    let line = `epoch ${epoch}: ${(100 * (1 - errors / scored)).toFixed(2)}% of scored train tokens agree`;
    if (dev) {
      const agreement = agreementOf(new PosTagger(modelOf(weights.keys, avg, dictionary, opts, epoch)), dev);
      line += `, dev ${(100 * agreement).toFixed(2)}%`;
      if (!best || agreement > best.agreement) best = { agreement, epoch, keys: weights.keys.slice(), weights: avg };
    } else {
      best = { agreement: 0, epoch, keys: weights.keys.slice(), weights: avg };
    }
    log(`${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  if (!best) throw new Error('no training epochs were run');
  const pruned = pruneRows(best.keys, best.weights, NUM_TAGS, opts.pruneBelow);
  log(`kept ${pruned.keys.length} of ${best.keys.length} feature rows (epoch ${best.epoch})`);
  const model = modelOf(Array.from(pruned.keys), pruned.weights, dictionary, opts, best.epoch);
  const devAgreement = dev ? agreementOf(new PosTagger(model), dev) : null;
  return { model, devAgreement, seconds: (performance.now() - t0) / 1000 };
}

/** Share of tokens the tagger tags as the teacher did. */
function agreementOf(tagger: PosTagger, sentences: TaggedSentence[]): number {
  let same = 0;
  let total = 0;
  for (const s of sentences) {
    const pred = tagger.tag(s.words);
    for (let i = 0; i < pred.length; i++) if (pred[i] === s.tags[i]) same++;
    total += pred.length;
  }
  return total ? same / total : 1;
}

function modelOf(
  keys: ArrayLike<number>, weights: Float32Array, dictionary: Map<string, number>, opts: PosTrainOptions, epochs: number,
): PosModel {
  const meta: PosMeta = {
    format: 'parley-pos', version: 1, tags: [...UPOS], trainedOn: opts.trainedOn, epochs,
    createdAt: new Date().toISOString(), dictionary: Object.fromEntries(dictionary),
  };
  return PosModel.fromWeights(Uint32Array.from(keys as number[]), weights, meta);
}
