import winkNLP, { type ItsFunction } from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { symbolTag, type Tagged, UPOS } from './tags.js';

// Training side only: wink-nlp's English model labels the sentences parley's own tagger and
// lemmatizer are trained and measured on (distillation). Nothing at run time imports this.

const nlp = winkNLP(winkModel, ['pos']);
const its = nlp.its;

/**
 * wink's tokenizer takes time quadratic in a word's length (far worse for long hyphenated runs),
 * so a longer word is tagged by its first WINK_WORD_LIMIT characters and keeps itself as lemma.
 */
const WINK_WORD_LIMIT = 40;

/**
 * wink-nlp's Universal POS tags and lemmas for already-tokenised words. The words are joined
 * with single spaces and re-read by wink; a word wink splits takes the tag of its last
 * non-punctuation piece ("Russian-American" → the tag of "American") and keeps itself as
 * lemma. Words without letters or digits get their fixed tag (see symbolTag).
 */
export function winkTag(words: readonly string[]): Tagged {
  const n = words.length;
  const pos = new Array<string>(n);
  const lemma = new Array<string>(n);
  if (n === 0) return { pos, lemma };
  const read = words.map((w) => (w.length > WINK_WORD_LIMIT ? w.slice(0, WINK_WORD_LIMIT) : w));
  const joined = read.join(' ');
  const tokens = nlp.readDoc(joined).tokens();
  // wink's typings give lemma another signature; at run time all are token functions.
  const column = (f: unknown): string[] => tokens.out(f as ItsFunction<string>) as string[];
  const values = column(its.value);
  const tags = column(its.pos);
  const lemmas = column(its.lemma);

  // Wink tokens are mapped to words by their offsets in the joined string.
  let wordIndex = 0;
  let wordEnd = read[0]!.length;
  let offset = 0;
  const hits = new Uint16Array(n);
  for (let t = 0; t < values.length; t++) {
    const v = values[t]!;
    while (joined.charCodeAt(offset) === 32) offset++;
    if (joined.startsWith(v, offset) === false) {
      const found = joined.indexOf(v, offset);
      if (found < 0) continue;
      offset = found;
    }
    while (offset >= wordEnd && wordIndex < n - 1) {
      wordIndex++;
      wordEnd += 1 + read[wordIndex]!.length;
    }
    offset += v.length;
    const tag = tags[t]!;
    if (hits[wordIndex] === 0 || tag !== 'PUNCT') {
      pos[wordIndex] = tag;
      lemma[wordIndex] = lemmas[t]!;
    }
    hits[wordIndex] += 1;
  }
  for (let w = 0; w < n; w++) {
    const word = words[w]!;
    const fixed = symbolTag(word);
    if (fixed >= 0) pos[w] = UPOS[fixed]!;
    else if (pos[w] === undefined) pos[w] = word[0]! >= '0' && word[0]! <= '9' ? 'NUM' : 'X';
    lemma[w] = hits[w] === 1 && lemma[w] !== undefined && word.length <= WINK_WORD_LIMIT ? lemma[w]!.toLowerCase() : word.toLowerCase();
  }
  return { pos, lemma };
}
