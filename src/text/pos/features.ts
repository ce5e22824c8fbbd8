import { combine, hashString } from '../../hash.js';
import { shapeOf, shortShapeOf } from '../word-shape.js';

// Feature templates of the POS tagger. A key is combine(template·8 + position slot, value hash).
const T = {
  bias: 1, lower: 2, word: 3, shape: 4, shortShape: 5, prefix: 6, suffix: 7,
  prev: 8, prev2: 9, prevLower: 10, prevShape: 11, bigram: 12, stem: 13,
} as const;

const slot = (template: number, pos: number): number => template * 8 + pos + 2;

const BOUNDARY_BEFORE = hashString('<s>');
const BOUNDARY_AFTER = hashString('</s>');
/** Only the first characters of a longer word shape its features: no word is this long. */
const MAX_FEATURE_CHARS = 40;

/** Apostrophes and their look-alikes, read as ' so that ’s and 's are one feature. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032`]/g;

/**
 * A crude stem shared by a word's inflected forms: -s, -es, -ed, -ing (and -ies/-ied to i)
 * removed, then a final e and a doubled final consonant, so that accept, accepts, accepted
 * and accepting (or hope, hoped, stopping, stop) meet. A feature, not a lemma.
 */
function stemOf(lower: string): string {
  let s = lower;
  if (s.length > 4 && (s.endsWith('ies') || s.endsWith('ied'))) s = s.slice(0, -2);
  else if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && (s.endsWith('es') || s.endsWith('ed'))) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  const n = s.length;
  if (n > 3 && s[n - 1] === s[n - 2] && !'aeiouls'.includes(s[n - 1]!)) s = s.slice(0, -1);
  return s;
}

/** A word as the features and the tag dictionary read it: apostrophes as ', at most MAX_FEATURE_CHARS. */
export function normalised(word: string): string {
  return (word.length > MAX_FEATURE_CHARS ? word.slice(0, MAX_FEATURE_CHARS) : word).replace(APOSTROPHES, "'");
}

/** What the features need to know about one word form, computed once per form. */
export interface Form {
  text: string;
  lower: string;
  hWord: number;
  hLower: number;
  hShape: number;
  hShortShape: number;
  hSuffix3: number;
  hStem: number;
}

export function formOf(word: string): Form {
  const text = normalised(word);
  const lower = text.toLowerCase();
  const shape = shapeOf(text);
  return {
    text, lower,
    hWord: hashString(text),
    hLower: hashString(lower),
    hShape: hashString(shape),
    hShortShape: hashString(shortShapeOf(shape)),
    hSuffix3: hashString(lower.slice(-3)),
    hStem: hashString(stemOf(lower)),
  };
}

/** Keys of the features that depend only on form `f` seen at relative position p (−2..2). */
export function formKeys(f: Form, p: number): number[] {
  const keys = [combine(slot(T.lower, p), f.hLower)];
  if (p >= -1 && p <= 1) {
    keys.push(combine(slot(T.suffix, p * 4 + 3), f.hSuffix3));
    keys.push(combine(slot(T.shortShape, p), f.hShortShape));
  }
  if (p === 0) {
    keys.push(slot(T.bias, 0));
    keys.push(combine(slot(T.word, 0), f.hWord));
    keys.push(combine(slot(T.shape, 0), f.hShape));
    keys.push(combine(slot(T.stem, 0), f.hStem));
    const lower = f.lower;
    for (const k of [1, 2, 4]) if (lower.length >= k) keys.push(combine(slot(T.suffix, k), hashString(lower.slice(-k))));
    for (const k of [1, 2, 3]) if (lower.length >= k) keys.push(combine(slot(T.prefix, k), hashString(lower.slice(0, k))));
  }
  return keys;
}

/** Keys standing for the sentence boundary at relative position p (≠ 0). */
export function boundaryKeys(p: number): number[] {
  const h = p < 0 ? BOUNDARY_BEFORE : BOUNDARY_AFTER;
  const keys = [combine(slot(T.lower, p), h)];
  if (p >= -1 && p <= 1) keys.push(combine(slot(T.shortShape, p), h));
  return keys;
}

/** Keys of the two previous tags alone (−1 = sentence start). */
export function tagKeys(prev: number, prev2: number): number[] {
  return [combine(slot(T.prev, 0), prev + 1), combine(combine(slot(T.prev2, 0), prev + 1), prev2 + 1)];
}

/** Key of the pair (word before, word); `before` is undefined at the sentence start. */
export function bigramBeforeKey(before: Form | undefined, f: Form): number {
  return combine(combine(slot(T.bigram, -1), before ? before.hLower : BOUNDARY_BEFORE), f.hLower);
}

/** Key of the pair (word, word after); `after` is undefined at the sentence end. */
export function bigramAfterKey(f: Form, after: Form | undefined): number {
  return combine(combine(slot(T.bigram, 1), f.hLower), after ? after.hLower : BOUNDARY_AFTER);
}

/** Key of the previous tag with the word. */
export function prevLowerKey(prev: number, f: Form): number {
  return combine(combine(slot(T.prevLower, 0), prev + 1), f.hLower);
}

/** Key of the previous tag with the word's shape. */
export function prevShapeKey(prev: number, f: Form): number {
  return combine(combine(slot(T.prevShape, 0), prev + 1), f.hShape);
}
