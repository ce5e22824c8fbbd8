import { packagePath } from '../paths.js';
import { annotate } from './pos/annotate.js';
import { Lemmatizer } from './pos/lemmatizer.js';
import { PosModel } from './pos/model.js';
import { PosTagger } from './pos/tagger.js';
import type { Tagged } from './pos/tags.js';

export type { Tagged } from './pos/tags.js';

/** The tagger's weights (trained by `npm run train:pos`, described in models/pos.md). */
export const POS_MODEL_PATH = packagePath('models', 'pos.bin');

const tagger = new PosTagger(PosModel.load(POS_MODEL_PATH));
const lemmatizer = new Lemmatizer();

/**
 * Universal POS tags and lemmas for already-tokenised words: parley's averaged-perceptron
 * tagger (src/text/pos/) and rule lemmatizer (lexicon/text/lemmas.json). The segment stage
 * tags every sentence through this function. Words without letters or digits are PUNCT, or
 * SYM for the symbols listed in lexicon/text/tokenizer.json; a word longer than any English
 * word is tagged by its first characters and keeps itself as lemma.
 */
export function tagTokens(words: string[]): Tagged {
  return annotate(tagger, lemmatizer, words);
}
