import type { Lemmatizer } from './lemmatizer.js';
import type { PosTagger } from './tagger.js';
import { type Tagged, UPOS } from './tags.js';

/** Tags and lemmas of one tokenised sentence. */
export function annotate(tagger: PosTagger, lemmatizer: Lemmatizer, words: readonly string[]): Tagged {
  const ids = tagger.tag(words);
  const n = words.length;
  const pos = new Array<string>(n);
  const lemma = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    pos[i] = UPOS[ids[i]!]!;
    lemma[i] = lemmatizer.lemmaOf(words[i]!, ids[i]!);
  }
  return { pos, lemma };
}
