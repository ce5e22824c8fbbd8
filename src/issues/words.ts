import type { Doc } from '../doc.js';
import { lowerBound } from '../sorted.js';

/**
 * The issue layer matches lexicon phrases against "words": the doc's tokens with hyphenated
 * compounds split ("rare-earth" → "rare" "earth", "Russian-American" → "russian" "american") so a
 * lexicon phrase matches however the writer hyphenated it. Each word has one or two match keys:
 * the stem of its surface form and the stem of the tagger's lemma (for irregular forms like
 * "broke" → "break"); it carries the ids of those that some lexicon phrase uses.
 */
export interface Word {
  start: number;
  end: number;
  /** Ids of its match keys that occur in some lexicon phrase (see WordSplitter.intern); often none. */
  keys: readonly number[];
  /** Index of the sentence in doc.sentences. */
  sentence: number;
  /** True for punctuation: clause boundaries for cue windows. */
  punct: boolean;
  /** Universal POS tag of the token the word comes from. */
  pos: string;
}

const HYPHENS = /[-\u2010\u2011\u2012\u2013]/;

export interface WordView {
  words: Word[];
  /** firstWord[s] is the index of sentence s's first word; firstWord[sentences] = words.length. */
  firstWord: number[];
  /** ordinal[i]: how many non-punctuation words precede word i (length words + 1), for word distances. */
  ordinal: Int32Array;
}

/** Words (punctuation not counted) between two word ranges; 0 when they touch or overlap. */
export function distance(view: WordView, a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return view.ordinal[b.start]! - view.ordinal[a.end]!;
  if (b.end <= a.start) return view.ordinal[a.start]! - view.ordinal[b.end]!;
  return 0;
}

/**
 * Splits text and lexicon phrases into words the same way. Hyphenated compounds split, except
 * after a bound prefix ("de-escalation" stays one word, so it never matches "escalation").
 */
export class WordSplitter {
  /** Match key per surface form: stemming is the hot path of the layer and vocabularies are small. */
  private readonly keys = new Map<string, string>();
  /** Id of each match key that occurs in a lexicon phrase; keys of the text not listed match nothing. */
  private readonly vocabulary = new Map<string, number>();
  /**
   * Per lower-cased form: the ids of its key, so a token costs one look-up (two when its lemma
   * differs). Id lists are shared (one per id or pair of ids), so the lists a scan reads stay few.
   */
  private readonly forms = new Map<string, readonly number[]>();
  private readonly single: Array<readonly number[]> = [];
  private readonly pairs = new Map<number, readonly number[]>();
  /** Whether some phrase has a word without letters or digits: if none does, punctuation is not looked up. */
  private punctuationKeys = false;

  constructor(private readonly boundPrefixes: ReadonlySet<string>) {}

  /** Build the word view of a segmented doc, boilerplate left out; empty when the doc has no tokens yet. */
  view(doc: Doc): WordView {
    const words: Word[] = [];
    const firstWord: number[] = [];
    const tokens = doc.tokens;
    const boilerplate = doc.article.boilerplate.length > 0;
    for (let si = 0; si < doc.sentences.length; si++) {
      const sentence = doc.sentences[si]!;
      firstWord.push(words.length);
      // Menus and share prompts name no issue of the article.
      if (boilerplate && doc.inBoilerplate(sentence)) continue;
      for (let ti = sentence.tokenStart; ti < sentence.tokenEnd; ti++) {
        const token = tokens[ti]!;
        const punct = !hasWordChar(token.text);
        // A key made from a form without letters or digits has none either; its lemma may ("&" → "and").
        if (punct && !this.punctuationKeys && token.lemma === token.lower) {
          words.push({ start: token.start, end: token.end, keys: NO_IDS, sentence: si, punct, pos: token.pos });
          continue;
        }
        if (!punct && hasHyphen(token.text)) {
          for (const part of this.parts(token.text)) {
            const start = token.start + part.offset;
            words.push({ start, end: start + part.length, keys: this.ids(part.text), sentence: si, punct: false, pos: token.pos });
          }
          continue;
        }
        const keys = token.lemma === token.lower ? this.ids(token.lower) : this.lemmaIds(token.lower, token.lemma);
        words.push({ start: token.start, end: token.end, keys, sentence: si, punct, pos: token.pos });
      }
    }
    firstWord.push(words.length);
    const ordinal = new Int32Array(words.length + 1);
    for (let i = 0; i < words.length; i++) ordinal[i + 1] = ordinal[i]! + (words[i]!.punct ? 0 : 1);
    return { words, firstWord, ordinal };
  }

  /** Split a lexicon phrase into match keys the way view() splits text. */
  phraseKeys(phrase: string): string[] {
    return phrase
      .split(/\s+/)
      .filter((chunk) => chunk.length > 0)
      .flatMap((chunk) => this.parts(chunk).map((part) => this.key(part.text)));
  }

  /** The ids of a lexicon phrase's keys, adding them to the vocabulary that text words are matched on. */
  intern(keys: string[]): number[] {
    return keys.map((key) => {
      let id = this.vocabulary.get(key);
      if (id === undefined) {
        id = this.vocabulary.size;
        this.vocabulary.set(key, id);
        if (!hasWordChar(key)) this.punctuationKeys = true;
        this.forms.clear();
        this.pairs.clear();
      }
      return id;
    });
  }

  /** The ids of a form's key: none, or one. */
  private ids(form: string): readonly number[] {
    let ids = this.forms.get(form);
    if (!ids) {
      if (this.forms.size > 200_000) this.forms.clear();
      const id = this.vocabulary.get(this.key(form));
      ids = id === undefined ? NO_IDS : (this.single[id] ??= [id]);
      this.forms.set(form, ids);
    }
    return ids;
  }

  /** Key ids of a surface form whose lemma differs: the surface key's, then the lemma key's. */
  private lemmaIds(form: string, lemma: string): readonly number[] {
    const surface = this.ids(form);
    const base = this.ids(lemma);
    if (base.length === 0 || surface === base) return surface;
    if (surface.length === 0) return base;
    const pair = surface[0]! * this.vocabulary.size + base[0]!;
    let ids = this.pairs.get(pair);
    if (!ids) this.pairs.set(pair, (ids = [surface[0]!, base[0]!]));
    return ids;
  }

  private key(form: string): string {
    let key = this.keys.get(form);
    if (key === undefined) {
      if (this.keys.size > 200_000) this.keys.clear();
      key = stem(normalize(form.toLowerCase()));
      this.keys.set(form, key);
    }
    return key;
  }

  /** The words of one hyphenated form, lower-cased, with their offsets and lengths in it. */
  private parts(form: string): Array<{ text: string; offset: number; length: number }> {
    const out: Array<{ text: string; offset: number; length: number }> = [];
    let offset = 0;
    let pending: { text: string; offset: number } | null = null;
    for (const piece of form.split(HYPHENS)) {
      const lower = piece.toLowerCase();
      if (piece.length > 0) {
        const text: string = (pending?.text ?? '') + lower;
        const start: number = pending?.offset ?? offset;
        if (this.boundPrefixes.has(lower)) pending = { text, offset: start };
        else {
          out.push({ text, offset: start, length: offset + piece.length - start });
          pending = null;
        }
      }
      offset += piece.length + 1;
    }
    if (pending) out.push({ text: pending.text, offset: pending.offset, length: form.length - pending.offset });
    return out;
  }
}

const NO_IDS: readonly number[] = [];

/** True when the text has one of HYPHENS. */
function hasHyphen(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || (c >= 0x2010 && c <= 0x2013)) return true;
  }
  return false;
}

/** True when the text has a letter or digit (ASCII checked first: the common case). */
function hasWordChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c > 127) return /[\p{L}\p{N}]/u.test(text);
  }
  return false;
}

/** Typographic apostrophes and dotted abbreviations ("U.S.") compare as plain forms. */
function normalize(word: string): string {
  if (!word.includes('.') && !word.includes('\u2019')) return word;
  return word.replace(/\u2019/g, "'").replace(/\.(?=.)/g, '').replace(/\.$/, word.length > 1 ? '' : '.');
}

/**
 * A light English suffix stripper, applied identically to lexicon phrases and text, so
 * "sanctions"/"sanction", "imposed"/"impose", "guarantees"/"guarantee" share one key.
 * It only has to be consistent, not linguistically exact.
 */
export function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "stopp" → "stop", "stall" stays: double consonants other than l, s, z come from -ing/-ed. */
function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && /[bdfgmnprt]/.test(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

/** Index of the first word that ends after `offset` (words are sorted): binary search. */
export function wordAt(view: WordView, offset: number): number {
  return lowerBound(view.words, (x) => x.end <= offset);
}
