import { combine, hashString } from '../../hash.js';
import { shapeOf, shortShapeOf } from '../../text/word-shape.js';
import type { Gazetteer, GazetteerMatch, GazetteerNode } from './gazetteer.js';

// Feature templates. A feature key is combine(template·8 + position slot, value hash).
const T = {
  bias: 1, word: 2, lower: 3, shape: 4, shortShape: 5, prefix: 6, suffix: 7,
  lowerBigram: 8, shapeTrigram: 9, shapeBigram: 10, initialShape: 11, headlineShape: 12,
  gazetteer: 13, docCase: 14, prev: 15, prev2: 16, prevLower: 17, prevShape: 18, history: 19,
  gazetteerShape: 20, historyShape: 21, context: 23,
} as const;

const slot = (template: number, pos: number): number => template * 8 + pos + 2;

/**
 * A lower-cased form shared by its spellings ("Russia", "RUSSIA"): what a document has seen of
 * it is kept here, stamped with the document's number, instead of in per-document sets.
 */
interface LowerForm {
  /** Document that last saw it lower-case / capitalised mid-sentence. */
  seenLower: number;
  seenCapMid: number;
  /** Document whose context group `group` is. */
  groupDoc: number;
  group: number;
}

/** What the features need to know about one word form, computed once per form. */
export interface WordInfo {
  text: string;
  lower: string;
  lowerForm: LowerForm;
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
  /** Gazetteer names that begin with this word (the gazetteer is complete before tagging starts). */
  gazetteerHead: GazetteerNode | null;
  /**
   * Halves of the n-gram keys, combined once per form: the form as the previous token
   * (lower-case and shape bigram, shape trigram) and as the current one (bigrams to the right).
   */
  lowerBigramLeft: number;
  lowerBigramRight: number;
  shapeBigramLeft: number;
  shapeBigramRight: number;
  shapeTrigramLeft: number;
  initialKey: number;
  headlineKey: number;
  /** The tagger's summed weights for this form's word-level features (see Tagger). */
  vector: Float32Array | null;
  /** The tagger's model rows of this form's label-dependent features (see Tagger). */
  dynamicRows: Int32Array | null;
}

const BOUNDARY_BEFORE = hashString('<s>');
const BOUNDARY_AFTER = hashString('</s>');
/** Word-form cache bound (~1 KB a form): a long-running process must not grow without limit. */
const MAX_CACHED_WORDS = 50_000;
const NO_CODES: number[] = [];
/** Most aggregated-context features one word form collects in a document. */
const MAX_CONTEXT_KEYS = 24;

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
  /** Per sentence: the gazetteer's matches over its words. */
  matches: GazetteerMatch[][];
}

/** Keys of the n-gram features with the sentence boundary on the left. */
const LOWER_BIGRAM_BOUNDARY = combine(slot(T.lowerBigram, -1), BOUNDARY_BEFORE);
const SHAPE_BIGRAM_BOUNDARY = combine(slot(T.shapeBigram, -1), BOUNDARY_BEFORE);
const SHAPE_TRIGRAM_BOUNDARY = combine(slot(T.shapeTrigram, 0), BOUNDARY_BEFORE);
/** Document-case keys by code (seen lower-case 1, capitalised mid-sentence 2, sentence-initial 4, capitals 8). */
const DOC_CASE_KEYS = Uint32Array.from({ length: 16 }, (_, code) => combine(slot(T.docCase, 0), code));

export class FeatureExtractor {
  private readonly cache = new Map<string, WordInfo>();
  private readonly lowerForms = new Map<string, LowerForm>();
  /** Number of the document being read, for the stamps on LowerForm. */
  private docNumber = 0;
  private buf = new Uint32Array(1 << 16);
  private len = 0;

  constructor(private readonly gazetteer: Gazetteer) {}

  private info(w: string): WordInfo {
    let wi = this.cache.get(w);
    if (wi) return wi;
    if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
    const lower = w.toLowerCase();
    let lowerForm = this.lowerForms.get(lower);
    if (!lowerForm) {
      lowerForm = { seenLower: 0, seenCapMid: 0, groupDoc: 0, group: 0 };
      this.lowerForms.set(lower, lowerForm);
    }
    const shape = shapeOf(w);
    const short = shortShapeOf(shape);
    const affixKeys: number[] = [];
    for (let k = 1; k <= 4 && k <= lower.length; k++) {
      affixKeys.push(combine(slot(T.prefix, k), hashString(lower.slice(0, k))));
      affixKeys.push(combine(slot(T.suffix, k), hashString(lower.slice(-k))));
    }
    const hasLetter = /\p{L}/u.test(w);
    const hWord = hashString(w);
    const hLower = hashString(lower);
    const hShape = hashString(shape);
    const hShortShape = hashString(short);
    wi = {
      text: w,
      lower,
      lowerForm,
      hWord,
      hLower,
      hShape,
      hShortShape,
      affixKeys,
      cap: hasLetter && w[0] !== w[0]!.toLowerCase(),
      allCaps: hasLetter && w === w.toUpperCase() && w !== lower,
      hasLetter,
      gazetteerHead: this.gazetteer.head(lower),
      lowerBigramLeft: combine(slot(T.lowerBigram, -1), hLower),
      lowerBigramRight: combine(slot(T.lowerBigram, 1), hLower),
      shapeBigramLeft: combine(slot(T.shapeBigram, -1), hShortShape),
      shapeBigramRight: combine(slot(T.shapeBigram, 1), hShortShape),
      shapeTrigramLeft: combine(slot(T.shapeTrigram, 0), hShortShape),
      initialKey: combine(slot(T.initialShape, 0), hShape),
      headlineKey: combine(slot(T.headlineShape, 0), hWord),
      vector: null,
      dynamicRows: null,
    };
    this.cache.set(w, wi);
    return wi;
  }

  /**
   * Keys of the features that depend only on this word form seen at relative position p
   * (−2..2); the view is valid until the next call of any method of this extractor.
   */
  wordKeys(wi: WordInfo, p: number): Uint32Array {
    this.len = 0;
    this.pushWord(wi, p);
    return this.buf.subarray(0, this.len);
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
    // LowerForms are dropped between documents only, so that a document's spellings share one;
    // the forms that point to them go with them.
    if (this.lowerForms.size >= MAX_CACHED_WORDS) {
      this.cache.clear();
      this.lowerForms.clear();
    }
    const doc = ++this.docNumber;
    let total = 0;
    for (const s of sentences) total += s.length;
    const infos: WordInfo[][] = sentences.map((s) => s.map((w) => this.info(w)));
    const headline = infos.map((s) => isHeadline(s));

    // Document-level case evidence: is this form seen lower-case, or capitalised mid-sentence?
    for (let si = 0; si < infos.length; si++) {
      const s = infos[si]!;
      for (let i = 0; i < s.length; i++) {
        const wi = s[i]!;
        if (!wi.hasLetter) continue;
        if (!wi.cap) wi.lowerForm.seenLower = doc;
        else if (i > 0 && !headline[si] && !wi.allCaps) wi.lowerForm.seenCapMid = doc;
      }
    }
    const contextGroups = this.aggregateContext(infos, doc);
    const contextOf = new Int32Array(total).fill(-1);

    this.len = 0;
    const offsets = new Uint32Array(total + 1);
    const lowerHash = new Uint32Array(total);
    const shapeHash = new Uint32Array(total);
    const capital = new Uint8Array(total);
    const sentenceStarts: number[] = [];
    const matches: GazetteerMatch[][] = [];
    let t = 0;
    for (let si = 0; si < sentences.length; si++) {
      sentenceStarts.push(t);
      const s = infos[si]!;
      const n = s.length;
      const sentenceMatches = this.gazetteerMatches(sentences[si]!, s);
      matches.push(sentenceMatches);
      const gazCodes = gazetteerCodes(sentenceMatches, n);
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
        const before = i > 0 ? s[i - 1]! : null;
        const after = i + 1 < n ? s[i + 1]! : null;
        const nextL = after ? after.hLower : BOUNDARY_AFTER;
        const nextS = after ? after.hShortShape : BOUNDARY_AFTER;
        this.push(combine(before ? before.lowerBigramLeft : LOWER_BIGRAM_BOUNDARY, wi.hLower));
        this.push(combine(wi.lowerBigramRight, nextL));
        this.push(combine(before ? before.shapeBigramLeft : SHAPE_BIGRAM_BOUNDARY, wi.hShortShape));
        this.push(combine(wi.shapeBigramRight, nextS));
        this.push(combine(combine(before ? before.shapeTrigramLeft : SHAPE_TRIGRAM_BOUNDARY, wi.hShortShape), nextS));
        if (i === 0) this.push(wi.initialKey);
        if (hl) this.push(wi.headlineKey);
        if (gazCodes !== null) {
          for (let p = -1; p <= 1; p++) {
            const j = i + p;
            if (j < 0 || j >= n) continue;
            const codes = gazCodes[j]!;
            for (let c = 0; c < codes.length; c++) {
              this.push(combine(slot(T.gazetteer, p), codes[c]!));
              if (p === 0) this.push(combine(combine(slot(T.gazetteerShape, 0), codes[c]!), wi.hShortShape));
            }
          }
        }
        if (wi.cap) {
          const lf = wi.lowerForm;
          const code = (lf.seenLower === doc ? 1 : 0) | (lf.seenCapMid === doc ? 2 : 0) |
            (i === 0 || hl ? 4 : 0) | (wi.allCaps ? 8 : 0);
          this.push(DOC_CASE_KEYS[code]!);
          contextOf[t] = lf.group;
          if (wordLevel) for (const k of contextGroups[lf.group]!) this.push(k);
        }
      }
    }
    offsets[t] = this.len;
    sentenceStarts.push(t);
    return { keys: this.buf.slice(0, this.len), offsets, lowerHash, shapeHash, capital, sentenceStarts, contextGroups, contextOf, forms: infos, matches };
  }

  /**
   * Context aggregation: for each capitalised word form, the words found next to it anywhere
   * in the document ("Ontario-based Magna", "Magna 's shares"), so each mention sees the
   * evidence of all the others. One group of keys per form, in order of first appearance;
   * the form's LowerForm records its group.
   */
  private aggregateContext(infos: WordInfo[][], doc: number): number[][] {
    const groups: number[][] = [];
    for (const s of infos) {
      for (let i = 0; i < s.length; i++) {
        const wi = s[i]!;
        if (!wi.cap) continue;
        const lf = wi.lowerForm;
        if (lf.groupDoc !== doc) {
          lf.groupDoc = doc;
          lf.group = groups.length;
          groups.push([]);
        }
        const keys = groups[lf.group]!;
        if (keys.length >= MAX_CONTEXT_KEYS) continue;
        const left = combine(slot(T.context, -1), i > 0 ? s[i - 1]!.hLower : BOUNDARY_BEFORE);
        if (!keys.includes(left)) keys.push(left);
        const right = combine(slot(T.context, 1), i + 1 < s.length ? s[i + 1]!.hLower : BOUNDARY_AFTER);
        if (!keys.includes(right)) keys.push(right);
      }
    }
    return groups;
  }

  /** The gazetteer's matches over a sentence, from the heads cached on its word forms. */
  private gazetteerMatches(words: readonly string[], infos: WordInfo[]): GazetteerMatch[] {
    if (!infos.some((wi) => wi.gazetteerHead !== null)) return [];
    return this.gazetteer.match(words, infos.map((wi) => wi.lower), infos.map((wi) => wi.gazetteerHead));
  }

}

/** Per token: gazetteer codes (category·4 + B/I/L/U position in the match); null when nothing matched. */
function gazetteerCodes(matches: readonly GazetteerMatch[], n: number): (readonly number[])[] | null {
  if (matches.length === 0) return null;
  const codes: (readonly number[])[] = new Array<readonly number[]>(n).fill(NO_CODES);
  for (const m of matches) {
    for (let j = m.start; j < m.end; j++) {
      const part = m.end - m.start === 1 ? 3 : j === m.start ? 0 : j === m.end - 1 ? 2 : 1;
      codes[j] = m.categories.map((c) => c * 4 + part);
    }
  }
  return codes;
}

/** Features of the two previous labels alone (−1 = sentence start). */
export function labelKeys(prev: number, prev2: number): number[] {
  return [combine(slot(T.prev, 0), prev + 1), combine(combine(slot(T.prev2, 0), prev + 1), prev2 + 1)];
}

/** Key of the previous label with the current word (lower-cased). */
export function prevLowerKey(prev: number, lowerHash: number): number {
  return combine(combine(slot(T.prevLower, 0), prev + 1), lowerHash);
}

/** Key of the previous label with the current word's shape. */
export function prevShapeKey(prev: number, shapeHash: number): number {
  return combine(combine(slot(T.prevShape, 0), prev + 1), shapeHash);
}

/** Key of the type the document already gave the word (0..3, 4 = always O). */
export function historyKey(history: number): number {
  return combine(slot(T.history, 0), history);
}

/** Key of that type with the current word's shape. */
export function historyShapeKey(history: number, shapeHash: number): number {
  return combine(combine(slot(T.historyShape, 0), history), shapeHash);
}

/**
 * Label-dependent features of token t: the previous two labels alone and with the word and its
 * shape, and the document's history (the tagger caches their rows per word form instead).
 */
export function dynamicFeatures(
  out: Uint32Array, f: DocFeatures, t: number, prev: number, prev2: number, history: number,
): number {
  let k = 0;
  for (const key of labelKeys(prev, prev2)) out[k++] = key;
  out[k++] = prevLowerKey(prev, f.lowerHash[t]!);
  out[k++] = prevShapeKey(prev, f.shapeHash[t]!);
  if (history >= 0) {
    out[k++] = historyKey(history);
    out[k++] = historyShapeKey(history, f.shapeHash[t]!);
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
