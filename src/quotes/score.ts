// Scores predicted statements against the hand-annotated development set: content spans
// (exact and overlap, per type and pooled), speaker accuracy and channel accuracy.
import type { Channel, Quote, QuoteType } from '../types.js';
import type { GoldQuote } from './devset.js';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  /** Keys: direct, mixed, indirect, indirect+mixed (mixed and indirect may stand for each other), all. */
  exact: Record<string, PRF>;
  overlap: Record<string, PRF>;
  speaker: { correct: number; total: number; accuracy: number };
  channel: { correct: number; total: number; accuracy: number };
}

export interface ArticlePair {
  gold: GoldQuote[];
  predicted: Quote[];
  text: string;
}

const GROUPS: Record<string, (t: QuoteType) => boolean> = {
  direct: (t) => t === 'direct',
  mixed: (t) => t === 'mixed',
  indirect: (t) => t === 'indirect',
  'indirect+mixed': (t) => t !== 'direct',
  all: () => true,
};

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** One-to-one matching, best overlap first; `exact` requires identical spans. */
function match(gold: GoldQuote[], pred: Quote[], exact: boolean): Map<number, number> {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      if (exact ? g.start === p.start && g.end === p.end : g.start < p.end && p.start < g.end) {
        const inter = Math.min(g.end, p.end) - Math.max(g.start, p.start);
        pairs.push([inter / Math.max(g.end - g.start, p.end - p.start), gi, pi]);
      }
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const g2p = new Map<number, number>();
  const usedP = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (g2p.has(gi) || usedP.has(pi)) continue;
    g2p.set(gi, pi);
    usedP.add(pi);
  }
  return g2p;
}

const STOP = new Set(['the', 'a', 'an', "'s", '’s', 'of']);
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w && !STOP.has(w));
}

/** A predicted speaker name matches the gold one when all its words belong to it (or the reverse). */
export function sameSpeaker(gold: string, predicted: string): boolean {
  const g = nameWords(gold);
  const p = nameWords(predicted);
  if (!g.length || !p.length) return false;
  return p.every((w) => g.includes(w)) || g.every((w) => p.includes(w));
}

function channelKey(ch: Channel, canonical: (name: string) => string): string {
  return ch.kind + ':' + canonical(ch.name).toLowerCase();
}

/** Score a set of articles. `canonicalOutlet` maps an outlet alias to its canonical name. */
export function scoreQuotes(articles: ArticlePair[], canonicalOutlet: (name: string) => string): Score {
  const exact: Record<string, PRF> = {};
  const overlap: Record<string, PRF> = {};
  for (const [key, inGroup] of Object.entries(GROUPS)) {
    for (const [mode, out] of [[true, exact], [false, overlap]] as const) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const a of articles) {
        const g = a.gold.filter((q) => inGroup(q.type));
        const p = a.predicted.filter((q) => inGroup(q.type));
        const m = match(g, p, mode);
        tp += m.size;
        fp += p.length - m.size;
        fn += g.length - m.size;
      }
      out[key] = prf(tp, fp, fn);
    }
  }
  let spOk = 0;
  let spTotal = 0;
  let chOk = 0;
  let chTotal = 0;
  const canon = (n: string) => canonicalOutlet(n);
  for (const a of articles) {
    for (const [gi, pi] of match(a.gold, a.predicted, false)) {
      const g = a.gold[gi]!;
      const p = a.predicted[pi]!;
      spTotal++;
      if (p.speaker && sameSpeaker(g.speaker, p.speaker.name)) spOk++;
      const gk = new Set(g.via.map((c) => channelKey(c, canon)));
      const pk = new Set(p.via.map((c) => channelKey(c, canon)));
      if (gk.size || pk.size) {
        chTotal++;
        if (gk.size === pk.size && [...gk].every((k) => pk.has(k))) chOk++;
      }
    }
  }
  return {
    exact,
    overlap,
    speaker: { correct: spOk, total: spTotal, accuracy: spTotal ? spOk / spTotal : 1 },
    channel: { correct: chOk, total: chTotal, accuracy: chTotal ? chOk / chTotal : 1 },
  };
}
