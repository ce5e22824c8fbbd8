import { combine, hashString } from '../../hash.js';
import type { Gazetteer } from './gazetteer.js';

// Feature templates. A feature key is combine(template·8 + position slot, value hash).
const T = {
  bias: 1, word: 2, lower: 3, shape: 4, shortShape: 5, prefix: 6, suffix: 7,
  lowerBigram: 8, shapeTrigram: 9, shapeBigram: 10, initialShape: 11, headlineShape: 12,
  gazetteer: 13, docCase: 14, prev: 15, prev2: 16, prevLower: 17, prevShape: 18, history: 19,
  gazetteerShape: 20, historyShape: 21, context: 23,
} as const;

const slot = (template: number, pos: number): number => template * 8 + pos + 2;

/** What the features need to know about one word form, computed once per form. */
export interface WordInfo {
  text: string;
  lower: string;
  hWord: number;
  hLower: number;
  hShape: number;
  hShortShape: number;
  /** Prefix and suffix keys (position 0 only). */
  affixKeys: number[];
  /** First letter upper case. */
  cap: boolean;
  /** Has letters, all upper case. */
  allCaps: boolean;
  hasLetter: boolean;
  /** The tagger's summed weights for this form's word-level features (see Tagger). */
  vector?: Float32Array;
}

const BOUNDARY_BEFORE = hashString('<s>');
const BOUNDARY_AFTER = hashString('</s>');
/** Word-form cache bound: a long-running process must not grow without limit. */
const MAX_CACHED_WORDS = 200_000;
const NO_CODES: number[] = [];
/** Most aggregated-context features one word form collects in a document. */
const MAX_CONTEXT_KEYS = 24;

/** Long shape: letters and digits mapped to X x d, other characters kept, at most 12 chars. */
function shapeOf(w: string): string {
  let s = '';
  for (let i = 0; i < w.length && i < 12; i++) {
    const ch = w[i]!;
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) s += 'd';
    else if (ch !== ch.toLowerCase()) s += 'X';
    else if (ch !== ch.toUpperCase()) s += 'x';
    else s += ch;
  }
  return s;
}

/** Short shape: runs of the same class collapsed ("McDonald's" → "XxXx'x"). */
function shortShapeOf(shape: string): string {
  let s = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) s += shape[i];
  return s;
}

/** Per-token static features of a document, flattened: keys[offsets[t] .. offsets[t+1]). */
export interface DocFeatures {
  keys: Uint32Array;
  offsets: Uint32Array;
  /** Per token: hash of the lower-cased form (for history features). */
  lowerHash: Uint32Array;
  shapeHash: Uint32Array;
  /** Per token: 1 when the token starts with a capital letter (history applies). */
  capital: Uint8Array;
  /** First token index of each sentence, plus the total at the end. */
  sentenceStarts: number[];
  /**
   * Aggregated-context keys, one group per capitalised word form, and each token's group
   * (−1: none). Training features include them inline; the tagger sums each group once.
   */
  contextGroups: number[][];
  contextOf: Int32Array;
  /** Per sentence: the word-form records of its tokens. */
  forms: WordInfo[][];
}

export class FeatureExtractor {
  private readonly cache = new Map<string, WordInfo>();
  private buf = new Uint32Array(1 << 16);
  private len = 0;

  constructor(private readonly gazetteer: Gazetteer) {}

  private info(w: string): WordInfo {
    let wi = this.cache.get(w);
    if (wi) return wi;
    if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
    const lower = w.toLowerCase();
    const shape = shapeOf(w);
    const short = shortShapeOf(shape);
    const affixKeys: number[] = [];
    for (let k = 1; k <= 4 && k <= lower.length; k++) {
      affixKeys.push(combine(slot(T.prefix, k), hashString(lower.slice(0, k))));
      affixKeys.push(combine(slot(T.suffix, k), hashString(lower.slice(-k))));
    }
    const hasLetter = /\p{L}/u.test(w);
    wi = {
      text: w,
      lower,
      hWord: hashString(w),
      hLower: hashString(lower),
      hShape: hashString(shape),
      hShortShape: hashString(short),
      affixKeys,
      cap: hasLetter && w[0] !== w[0]!.toLowerCase(),
      allCaps: hasLetter && w === w.toUpperCase() && w !== lower,
      hasLetter,
    };
    this.cache.set(w, wi);
    return wi;
  }

  /** Keys of the features that depend only on word form `w` seen at relative position p (−2..2). */
  wordKeys(w: string, p: number): number[] {
    this.len = 0;
    this.pushWord(this.info(w), p);
    return Array.from(this.buf.subarray(0, this.len));
  }

  /** Keys standing for the sentence boundary at relative position p (≠ 0). */
  boundaryKeys(p: number): number[] {
    this.len = 0;
    this.pushBoundary(p);
    return Array.from(this.buf.subarray(0, this.len));
  }

  private pushWord(wi: WordInfo, p: number): void {
    this.push(combine(slot(T.lower, p), wi.hLower));
    this.push(combine(slot(T.shortShape, p), wi.hShortShape));
    if (p >= -1 && p <= 1) this.push(combine(slot(T.word, p), wi.hWord));
    if (p === 0) {
      this.push(slot(T.bias, 0));
      this.push(combine(slot(T.shape, 0), wi.hShape));
      for (const k of wi.affixKeys) this.push(k);
    }
  }

  private pushBoundary(p: number): void {
    const h = p < 0 ? BOUNDARY_BEFORE : BOUNDARY_AFTER;
    this.push(combine(slot(T.lower, p), h));
    this.push(combine(slot(T.shortShape, p), h));
  }

  private push(key: number): void {
    if (this.len === this.buf.length) {
      const bigger = new Uint32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = key;
  }

  /**
   * Static (label-independent) features of every token of a document of tokenised sentences.
   * With `wordLevel` false, the features that depend on one word form alone (its spelling,
   * shape and affixes at a relative position) and the aggregated context are left out: the
   * tagger adds their summed weights from caches instead (see wordKeys, contextGroups).
   */
  docFeatures(sentences: readonly (readonly string[])[], wordLevel = true): DocFeatures {
    let total = 0;
    for (const s of sentences) total += s.length;
    const infos: WordInfo[][] = sentences.map((s) => s.map((w) => this.info(w)));
    const headline = infos.map((s) => isHeadline(s));

    // Document-level case evidence: is this form seen lower-case, or capitalised mid-sentence?
    const seenLower = new Set<string>();
    const seenCapMid = new Set<string>();
    for (let si = 0; si < infos.length; si++) {
      const s = infos[si]!;
      for (let i = 0; i < s.length; i++) {
        const wi = s[i]!;
        if (!wi.hasLetter) continue;
        if (!wi.cap) seenLower.add(wi.lower);
        else if (i > 0 && !headline[si] && !wi.allCaps) seenCapMid.add(wi.lower);
      }
    }
    const context = this.aggregateContext(infos);
    const groupIndex = new Map<string, number>();
    const contextGroups: number[][] = [];
    for (const [form, keys] of context) {
      groupIndex.set(form, contextGroups.length);
      contextGroups.push([...keys]);
    }
    const contextOf = new Int32Array(total).fill(-1);

    this.len = 0;
    const offsets = new Uint32Array(total + 1);
    const lowerHash = new Uint32Array(total);
    const shapeHash = new Uint32Array(total);
    const capital = new Uint8Array(total);
    const sentenceStarts: number[] = [];
    let t = 0;
    for (let si = 0; si < sentences.length; si++) {
      sentenceStarts.push(t);
      const s = infos[si]!;
      const words = sentences[si]!;
      const n = s.length;
      const gazCodes = this.gazetteerCodes(words, s);
      const hl = headline[si]!;
      for (let i = 0; i < n; i++, t++) {
        offsets[t] = this.len;
        const wi = s[i]!;
        lowerHash[t] = wi.hLower;
        shapeHash[t] = wi.hShape;
        capital[t] = wi.cap ? 1 : 0;
        if (wordLevel) {
          for (let p = -2; p <= 2; p++) {
            const j = i + p;
            if (j < 0 || j >= n) this.pushBoundary(p);
            else this.pushWord(s[j]!, p);
          }
        }
        const prevL = i > 0 ? s[i - 1]!.hLower : BOUNDARY_BEFORE;
        const nextL = i + 1 < n ? s[i + 1]!.hLower : BOUNDARY_AFTER;
        this.push(combine(combine(slot(T.lowerBigram, -1), prevL), wi.hLower));
        this.push(combine(combine(slot(T.lowerBigram, 1), wi.hLower), nextL));
        const prevS = i > 0 ? s[i - 1]!.hShortShape : BOUNDARY_BEFORE;
        const nextS = i + 1 < n ? s[i + 1]!.hShortShape : BOUNDARY_AFTER;
        this.push(combine(combine(slot(T.shapeBigram, -1), prevS), wi.hShortShape));
        this.push(combine(combine(slot(T.shapeBigram, 1), wi.hShortShape), nextS));
        this.push(combine(combine(combine(slot(T.shapeTrigram, 0), prevS), wi.hShortShape), nextS));
        if (i === 0) this.push(combine(slot(T.initialShape, 0), wi.hShape));
        if (hl) this.push(combine(slot(T.headlineShape, 0), wi.hWord));
        for (let p = -1; p <= 1; p++) {
          const j = i + p;
          if (j < 0 || j >= n) continue;
          for (const code of gazCodes[j]!) {
            this.push(combine(slot(T.gazetteer, p), code));
            if (p === 0) this.push(combine(combine(slot(T.gazetteerShape, 0), code), wi.hShortShape));
          }
        }
        if (wi.cap) {
          const code = (seenLower.has(wi.lower) ? 1 : 0) | (seenCapMid.has(wi.lower) ? 2 : 0) |
            (i === 0 || hl ? 4 : 0) | (wi.allCaps ? 8 : 0);
          this.push(combine(slot(T.docCase, 0), code));
          const group = groupIndex.get(wi.lower);
          if (group !== undefined) {
            contextOf[t] = group;
            if (wordLevel) for (const k of contextGroups[group]!) this.push(k);
          }
        }
      }
    }
    offsets[t] = this.len;
    sentenceStarts.push(t);
    return { keys: this.buf.slice(0, this.len), offsets, lowerHash, shapeHash, capital, sentenceStarts, contextGroups, contextOf, forms: infos };
  }

  /**
   * Context aggregation: for each capitalised word form, the words found next to it anywhere
   * in the document ("Ontario-based Magna", "Magna 's shares"), so each mention sees the
   * evidence of all the others.
   */
  private aggregateContext(infos: WordInfo[][]): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    for (const s of infos) {
      for (let i = 0; i < s.length; i++) {
        const wi = s[i]!;
        if (!wi.cap) continue;
        let keys = out.get(wi.lower);
        if (!keys) {
          keys = new Set();
          out.set(wi.lower, keys);
        }
        if (keys.size >= MAX_CONTEXT_KEYS) continue;
        for (const p of [-1, 1]) {
          const j = i + p;
          const h = j < 0 ? BOUNDARY_BEFORE : j >= s.length ? BOUNDARY_AFTER : s[j]!.hLower;
          keys.add(combine(slot(T.context, p), h));
        }
      }
    }
    return out;
  }

  /** Per token: gazetteer codes (category·4 + B/I/L/U position in the match). */
  private gazetteerCodes(words: readonly string[], infos: WordInfo[]): number[][] {
    const codes: number[][] = new Array<number[]>(infos.length).fill(NO_CODES);
    const matches = this.gazetteer.match(words, infos.map((w) => w.lower));
    for (const m of matches) {
      for (let j = m.start; j < m.end; j++) {
        const part = m.end - m.start === 1 ? 3 : j === m.start ? 0 : j === m.end - 1 ? 2 : 1;
        codes[j] = m.categories.map((c) => c * 4 + part);
      }
    }
    return codes;
  }
}

/** Features of the two previous labels alone (−1 = sentence start). */
export function labelKeys(prev: number, prev2: number): number[] {
  return [combine(slot(T.prev, 0), prev + 1), combine(combine(slot(T.prev2, 0), prev + 1), prev2 + 1)];
}

/**
 * Label-dependent features of token t: previous label with the word and its shape, the
 * document's history, and (when `withLabels`) the previous two labels alone.
 */
export function dynamicFeatures(
  out: Uint32Array, f: DocFeatures, t: number, prev: number, prev2: number, history: number, withLabels = true,
): number {
  let k = 0;
  if (withLabels) for (const key of labelKeys(prev, prev2)) out[k++] = key;
  out[k++] = combine(combine(slot(T.prevLower, 0), prev + 1), f.lowerHash[t]!);
  out[k++] = combine(combine(slot(T.prevShape, 0), prev + 1), f.shapeHash[t]!);
  if (history >= 0) {
    out[k++] = combine(slot(T.history, 0), history);
    out[k++] = combine(combine(slot(T.historyShape, 0), history), f.shapeHash[t]!);
  }
  return k;
}

/** A sentence is a headline when every word with letters is in capitals ("RUSSIA SAYS ..."). */
function isHeadline(s: WordInfo[]): boolean {
  let letters = 0;
  for (const w of s) {
    if (!w.hasLetter) continue;
    if (!w.allCaps && w.lower.length > 1) return false;
    letters++;
  }
  return letters >= 2;
}
