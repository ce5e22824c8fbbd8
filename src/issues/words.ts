import type { Doc } from '../doc.js';
import { lowerBound } from '../sorted.js';

/**
 * The issue layer matches lexicon phrases against "words": the doc's tokens with hyphenated
 * compounds split ("rare-earth" → "rare" "earth", "Russian-American" → "russian" "american") so a
 * lexicon phrase matches however the writer hyphenated it. Each word carries one or two match
 * keys: the stem of its surface form and the stem of the tagger's lemma (for irregular forms
 * like "broke" → "break").
 */
export interface Word {
  start: number;
  end: number;
  keys: string[];
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
  /** Shared key lists (one key, or surface and lemma keys), so words do not each allocate one. */
  private readonly keyLists = new Map<string, string[]>();

  constructor(private readonly boundPrefixes: ReadonlySet<string>) {}

  /** Build the word view of a segmented doc, boilerplate left out; empty when the doc has no tokens yet. */
  view(doc: Doc): WordView {
    const words: Word[] = [];
    const firstWord: number[] = [];
    doc.sentences.forEach((sentence, si) => {
      firstWord.push(words.length);
      // Menus and share prompts name no issue of the article.
      if (doc.inBoilerplate(sentence)) return;
      for (let ti = sentence.tokenStart; ti < sentence.tokenEnd; ti++) {
        const token = doc.tokens[ti]!;
        const punct = !hasWordChar(token.text);
        if (!punct && HYPHENS.test(token.text)) {
          for (const part of this.parts(token.text)) {
            const start = token.start + part.offset;
            words.push({ start, end: start + part.length, keys: this.keyList(part.text, part.text), sentence: si, punct: false, pos: token.pos });
          }
          continue;
        }
        words.push({ start: token.start, end: token.end, keys: this.keyList(token.lower, token.lemma), sentence: si, punct, pos: token.pos });
      }
    });
    firstWord.push(words.length);
    const ordinal = new Int32Array(words.length + 1);
    words.forEach((word, i) => {
      ordinal[i + 1] = ordinal[i]! + (word.punct ? 0 : 1);
    });
    return { words, firstWord, ordinal };
  }

  /** Split a lexicon phrase into match keys the way view() splits text. */
  phraseKeys(phrase: string): string[] {
    return phrase
      .split(/\s+/)
      .filter((chunk) => chunk.length > 0)
      .flatMap((chunk) => this.parts(chunk).map((part) => this.key(part.text)));
  }

  private keyList(form: string, lemma: string): string[] {
    const surface = this.key(form);
    const base = lemma === form ? surface : this.key(lemma);
    const id = base === surface ? surface : `${surface}\u0000${base}`;
    let list = this.keyLists.get(id);
    if (!list) {
      if (this.keyLists.size > 200_000) this.keyLists.clear();
      list = base === surface ? [surface] : [surface, base];
      this.keyLists.set(id, list);
    }
    return list;
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
export function wordAt(words: Word[], offset: number): number {
  return lowerBound(words, (x) => x.end <= offset);
}
