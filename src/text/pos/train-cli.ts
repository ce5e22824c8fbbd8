import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../paths.js';
import { DEFAULT_DEV, DEFAULT_TRAIN } from '../../entities/ner/paths.js';
import { agreementTable, measureAgreement } from './agreement.js';
import { annotate } from './annotate.js';
import { articleSentences, augment, conllSentences, tagIds, teach } from './corpus.js';
import { Lemmatizer } from './lemmatizer.js';
import { PosTagger } from './tagger.js';
import { trainPos } from './train.js';

// Trains parley's POS tagger by distillation: wink-nlp's tags on CoNLL-2003 train sentences
// and on our own texts (examples/ and the development articles of test/fixtures/ — never a
// held-out set, so that held-out scores stay unseen), the pass kept by agreement on CoNLL dev.
// Writes models/pos.bin and its card models/pos.md.
// Usage: npm run train:pos -- [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--seed N]
//        [--copies N] [--rate R]   (augmented copies of the training text, share of words swapped)

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: DEFAULT_TRAIN },
    dev: { type: 'string', default: DEFAULT_DEV },
    out: { type: 'string', default: join(packageRoot, 'models', 'pos.bin') },
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    copies: { type: 'string', default: '3' },
    rate: { type: 'string', default: '0.3' },
  },
});
function numberOption(name: 'epochs' | 'seed' | 'copies' | 'rate', integer: boolean): number {
  const x = Number(values[name]);
  if (!Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
    throw new Error(`--${name}: expected a non-negative ${integer ? 'integer' : 'number'}, got "${values[name]}"`);
  }
  return x;
}
const epochs = Math.max(1, numberOption('epochs', true));
const seed = numberOption('seed', true);
const copies = numberOption('copies', true);
const rate = numberOption('rate', false);

const log = (line: string): void => console.log(line);
const eventsDev = ['conflict', 'cooperation', 'modality', 'no-event', 'round2', 'structure'];
const ownDirs = [
  'examples', join('test', 'fixtures', 'quotes', 'articles'), join('test', 'fixtures', 'issues'),
  ...eventsDev.map((name) => join('test', 'fixtures', 'events', `${name}.jsonl`)),
];
const sourceLabel = (d: string): string => (d.endsWith('.jsonl') ? d : `${d}/`);
const own = teach(await articleSentences(ownDirs.map((d) => join(packageRoot, d))));
const train = teach(conllSentences(values.train));
const dev = teach(conllSentences(values.dev));
const count = (ss: Array<{ words: string[] }>): number => ss.reduce((n, s) => n + s.words.length, 0);
const augmented = teach(augment([...train, ...own], copies, rate, seed));
log(`teacher labels: ${count(train)} CoNLL train tokens, ${count(own)} tokens of our own texts, ${count(augmented)} in ${copies} augmented copies, ${count(dev)} dev tokens`);

const result = trainPos([...train, ...own, ...augmented].map(tagIds), dev.map(tagIds), {
  epochs, minCount: 1, pruneBelow: 0.001, dictionaryMinCount: 20, dictionaryPurity: 0.999,
  seed, log,
  trainedOn: [values.train.split('/').pop()!, ...ownDirs.map(sourceLabel)],
});
const bytes = result.model.save(values.out);
log(`wrote ${values.out} (${(bytes / 1e6).toFixed(2)} MB, ${result.model.keys.length} rows) in ${result.seconds.toFixed(0)} s`);

const tagger = new PosTagger(result.model);
const lemmatizer = new Lemmatizer();
const agreement = measureAgreement(dev, dev.map((s) => annotate(tagger, lemmatizer, s.words)));
const table = agreementTable(agreement);
log(table);

const card = `# parley part-of-speech tagger (\`pos.bin\`)

Universal POS tags (${'`'}ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X${'`'})
for the segment stage's tokens: an averaged perceptron over hashed features with greedy
left-to-right decoding. Code: \`src/text/pos/\`; run time: \`src/text/pos.ts\` \`tagTokens\`.
Lemmas come from rules, not from this file: \`src/text/pos/lemmatizer.ts\` over
\`lexicon/text/lemmas.json\`.

## Data (distillation)
- The tags parley's rules were written against are wink-nlp's (\`wink-eng-lite-web-model\`), so
  the teacher is wink: its tags on ${count(train)} tokens of CoNLL-2003 \`${values.train.split('/').pop()}\`
  (words as given), on ${count(own)} tokens of our own texts (${ownDirs.map((d) => `\`${sourceLabel(d)}\``).join(', ')}; tokenised
  and split by parley's segmenter), and on ${copies} augmented copies of both (${count(augmented)} tokens): in each copy
  ${Math.round(100 * rate)}% of the nouns, verbs, adjectives, adverbs and proper nouns are swapped for another word wink
  gave the same tag with the same last two letters, and wink tags the copy afresh, so that rare
  words are seen in many contexts. The pass kept is the one that agrees best with wink on
  \`${values.dev.split('/').pop()}\`. wink is needed only to train (\`src/text/pos/teacher.ts\`).
- CoNLL-2003 English is Reuters newswire (1996–97) distributed for research use; these weights are
  derived from it, so the same research-use terms apply to them.

## Features
Lower-cased word at −2..+2; 3-letter suffix and short word shape at −1..+1; at the word itself
its exact form, long shape, a crude stem (accepts, accepted → accept), suffixes of 1, 2 and 4
and prefixes of 1–3 letters (apostrophes read as '); the word pairs
(previous, word) and (word, next); the previous tag, the two previous tags, and the previous tag
with the word and with its shape. Words without letters or digits take a fixed tag (PUNCT, or
SYM for the symbols of \`lexicon/text/tokenizer.json\`), numbers in digits NUM; the ${Object.keys(result.model.meta.dictionary).length} words seen at least 20
times with one tag in at least 99.9% of the training data take that tag without scoring.
At run time the weights of a word form's features are summed once per form and cached.

## Training
- ${result.model.meta.epochs} passes (best of at most ${epochs} on dev), seed ${seed}; ${result.seconds.toFixed(0)} s wall clock (one thread, on a shared machine).
- Weights: ${result.model.keys.length} feature rows, int8 per-row-scaled, ${(bytes / 1e6).toFixed(2)} MB.

## Agreement with wink-nlp on \`${values.dev.split('/').pop()}\` (tags and lemmas, ${agreement.tokens} tokens)
${table}

Reproduce: \`npm run train:pos\`; speed and agreement: \`npx tsx bench/pos.ts\`.
`;
const cardPath = values.out.replace(/\.bin$/, '.md');
writeFileSync(cardPath, card);
log(`wrote ${cardPath}`);
