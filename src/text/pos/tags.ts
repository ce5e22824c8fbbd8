import { isWordAt } from '../chars.js';
import { readLexiconJson } from '../lexicon.js';

/** The Universal POS tags parley's tokens carry (the set wink-nlp's English model used). */
export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export const NUM_TAGS = UPOS.length;
export const TAG_ID: ReadonlyMap<string, number> = new Map(UPOS.map((t, i) => [t, i]));
const PUNCT = TAG_ID.get('PUNCT')!;
const SYM = TAG_ID.get('SYM')!;
const NUM = TAG_ID.get('NUM')!;

/** Tags and lemmas of the words of one sentence. */
export interface Tagged {
  /** Universal POS tag of each word. */
  pos: string[];
  /** Lower-cased lemma of each word. */
  lemma: string[];
}

const symbols: Set<string> = new Set(readLexiconJson<{ symbols: string[] }>('text', 'tokenizer.json').symbols);

/**
 * The tag of a word without letters or digits: SYM for the symbols listed in
 * lexicon/text/tokenizer.json, PUNCT otherwise; −1 for any other word.
 */
export function symbolTag(word: string): number {
  for (let i = 0; i < word.length; i++) if (isWordAt(word, i)) return -1;
  return symbols.has(word) ? SYM : PUNCT;
}

/**
 * The tag parley's tagger gives a word by rule, without scoring: symbolTag, or NUM for a
 * number written in digits (3, 1,000, 2.5, 10:30, 2025-03-27); −1 for any other word.
 */
export function ruleTag(word: string): number {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57 && /^[0-9][0-9.,:/-]*$/.test(word)) return NUM;
  return symbolTag(word);
}
