import type { LabelledDoc } from './conll.js';
import { pruneRows, TrainingWeights } from '../../weights.js';
import { dynamicFeatures, type DocFeatures, FeatureExtractor } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { iobToBilou, LABELS, NUM_LABELS } from './labels.js';
import { NerModel, type ModelMeta } from './model.js';
import { Scorer } from './scoring.js';
import { createNerTagger, type NerTagger } from './index.js';
import { DocHistory } from './tagger.js';
import { rng, shuffle } from '../../random.js';

export interface TrainOptions {
  gazetteer: Gazetteer;
  /** Most passes over the training data; the best pass on dev (when given) is kept. */
  epochs: number;
  /** Features seen fewer times in training are dropped. */
  minCount: number;
  /** Rows whose largest averaged weight is smaller are dropped from the saved model. */
  pruneBelow: number;
  trainedOn: string[];
  seed?: number;
  /** Independent runs (shuffles) whose averaged weights are averaged again: less variance. */
  runs?: number;
  log?: (line: string) => void;
}

export interface TrainResult {
  model: NerModel;
  epochs: number;
  dev: Scorer | null;
  seconds: number;
}

interface PreparedDoc {
  f: DocFeatures;
  /** Row of each static key (−1 when pruned by count). */
  rows: Int32Array;
  gold: Int32Array;
}

/** Trains an averaged perceptron with greedy decoding over the predicted label history. */
export function trainNer(train: LabelledDoc[], dev: LabelledDoc[] | null, opts: TrainOptions): TrainResult {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const fx = new FeatureExtractor(opts.gazetteer);
  const base = new TrainingWeights(NUM_LABELS);

  // Static features once; keys seen fewer than minCount times get no row.
  const counts = new Map<number, number>();
  const feats = train.map((d) => fx.docFeatures(d.sentences.map((s) => s.words)));
  for (const f of feats) for (const k of f.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const docs: PreparedDoc[] = feats.map((f, i) => {
    const rows = new Int32Array(f.keys.length);
    for (let k = 0; k < f.keys.length; k++) rows[k] = counts.get(f.keys[k]!)! >= opts.minCount ? base.rowOf(f.keys[k]!, true) : -1;
    const gold = Int32Array.from(train[i]!.sentences.flatMap((s) => iobToBilou(s.labels)));
    return { f, rows, gold };
  });
  counts.clear();
  log(`features: ${base.rows} static rows from ${docs.length} documents (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const runs = opts.runs ?? 1;
  const sum = new Map<number, Float32Array>();
  let epochs = 0;
  for (let run = 0; run < runs; run++) {
    const best = runPerceptron(docs, base.cloneRows(), dev, opts, (opts.seed ?? 1) + run, t0, log);
    epochs = Math.max(epochs, best.epoch);
    best.keys.forEach((key, r) => {
      let acc = sum.get(key);
      if (!acc) {
        acc = new Float32Array(NUM_LABELS);
        sum.set(key, acc);
      }
      for (let l = 0; l < NUM_LABELS; l++) acc[l]! += best.weights[r * NUM_LABELS + l]! / runs;
    });
  }
  const keys = [...sum.keys()];
  const weights = new Float32Array(keys.length * NUM_LABELS);
  keys.forEach((key, r) => weights.set(sum.get(key)!, r * NUM_LABELS));
  const pruned = pruneRows(keys, weights, NUM_LABELS, opts.pruneBelow);
  log(`kept ${pruned.keys.length} of ${keys.length} feature rows`);
  const model = modelOf(Array.from(pruned.keys), pruned.weights, opts, epochs);
  const scorer = dev ? evaluate(createNerTagger(model, opts.gazetteer), dev) : null;
  if (scorer && runs > 1) log(`average of ${runs} runs: dev F1 ${(100 * scorer.overall().f1).toFixed(2)}`);
  return { model, epochs, dev: scorer, seconds: (performance.now() - t0) / 1000 };
}

interface RunResult {
  epoch: number;
  f1: number;
  keys: number[];
  weights: Float32Array;
}

/** One perceptron run: passes over shuffled documents, keeping the pass that scores best on dev. */
function runPerceptron(
  docs: PreparedDoc[], weights: TrainingWeights, dev: LabelledDoc[] | null, opts: TrainOptions,
  seed: number, t0: number, log: (line: string) => void,
): RunResult {
  const random = rng(seed);
  const order = docs.map((_, i) => i);
  const scores = new Float64Array(NUM_LABELS);
  const dyn = new Uint32Array(16);
  const dynRows = new Int32Array(16);
  let c = 1;
  let best: RunResult | null = null;

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    let tokens = 0;
    for (const di of order) {
      const { f, rows, gold } = docs[di]!;
      const history = new DocHistory();
      for (let si = 0; si + 1 < f.sentenceStarts.length; si++) {
        let prev = -1;
        let prev2 = -1;
        for (let t = f.sentenceStarts[si]!; t < f.sentenceStarts[si + 1]!; t++) {
          scores.fill(0);
          const w = weights.w;
          const from = f.offsets[t]!;
          const to = f.offsets[t + 1]!;
          for (let k = from; k < to; k++) {
            const r = rows[k]!;
            if (r < 0) continue;
            const base = r * NUM_LABELS;
            for (let l = 0; l < NUM_LABELS; l++) scores[l] += w[base + l]!;
          }
          const nd = dynamicFeatures(dyn, f, t, prev, prev2, f.capital[t] ? history.get(f.lowerHash[t]!) : -1);
          for (let k = 0; k < nd; k++) {
            const r = weights.rowOf(dyn[k]!, true);
            dynRows[k] = r;
            const base = r * NUM_LABELS;
            for (let l = 0; l < NUM_LABELS; l++) scores[l] += weights.w[base + l]!;
          }
          let pred = 0;
          for (let l = 1; l < NUM_LABELS; l++) if (scores[l]! > scores[pred]!) pred = l;
          const g = gold[t]!;
          if (pred !== g) {
            errors++;
            const W = weights.w;
            const A = weights.acc;
            for (let k = from; k < to; k++) {
              const r = rows[k]!;
              if (r < 0) continue;
              W[r * NUM_LABELS + g]! += 1;
              A[r * NUM_LABELS + g]! += c;
              W[r * NUM_LABELS + pred]! -= 1;
              A[r * NUM_LABELS + pred]! -= c;
            }
            for (let k = 0; k < nd; k++) {
              const r = dynRows[k]!;
              W[r * NUM_LABELS + g]! += 1;
              A[r * NUM_LABELS + g]! += c;
              W[r * NUM_LABELS + pred]! -= 1;
              A[r * NUM_LABELS + pred]! -= c;
            }
          }
          c++;
          tokens++;
          if (f.capital[t]) history.add(f.lowerHash[t]!, pred);
          prev2 = prev;
          prev = pred;
        }
      }
    }
    const avg = weights.averaged(c);
    let line = `run ${seed} epoch ${epoch}: ${(100 * (1 - errors / tokens)).toFixed(2)}% train tokens right`;
    if (dev) {
      const scorer = evaluate(createNerTagger(modelOf(weights.keys, avg, opts, epoch), opts.gazetteer), dev);
      const f1 = scorer.overall().f1;
      line += `, dev F1 ${(100 * f1).toFixed(2)}`;
      if (!best || f1 > best.f1) best = { f1, epoch, weights: avg, keys: weights.keys.slice() };
    } else {
      best = { f1: 0, epoch, weights: avg, keys: weights.keys.slice() };
    }
    log(`${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  if (!best) throw new Error('no training epochs were run');
  return best;
}

function modelOf(keys: ArrayLike<number>, weights: Float32Array, opts: TrainOptions, epochs: number): NerModel {
  const meta: ModelMeta = {
    format: 'parley-ner', version: 1, labels: LABELS,
    trainedOn: opts.trainedOn, epochs, createdAt: new Date().toISOString(),
  };
  return new NerModel(Uint32Array.from(keys as number[]), weights, meta);
}

/** Tags every document through the runtime API and scores it against the gold labels. */
export function evaluate(tagger: Pick<NerTagger, 'tagSentences'>, docs: LabelledDoc[]): Scorer {
  const scorer = new Scorer();
  for (const d of docs) {
    const pred = tagger.tagSentences(d.sentences.map((s) => s.words));
    d.sentences.forEach((s, i) => scorer.add(s.labels, pred[i]!));
  }
  return scorer;
}
