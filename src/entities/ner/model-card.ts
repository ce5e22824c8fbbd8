import { basename } from 'node:path';
import type { TrainResult } from './train.js';

/** The model card written beside a weight file: what it was trained on, how, and how well it does. */
export function writeModelCard(o: { result: TrainResult; runs: number; trainFiles: string[]; devFile: string | null; bytes: number; weightFile: string }): string {
  const { result } = o;
  const rows: string[] = [];
  if (result.dev) {
    for (const [type, s] of Object.entries(result.dev.perType())) rows.push(`| ${type} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.gold} |`);
    const s = result.dev.overall();
    rows.push(`| **overall** | ${pct(s.precision)} | ${pct(s.recall)} | **${pct(s.f1)}** | ${s.gold} |`);
  }
  return `# parley named-entity tagger (\`${o.weightFile}\`)

An averaged perceptron over hashed features with greedy left-to-right decoding over BILOU
labels (reported as IOB2: PER, ORG, LOC, MISC). Code: \`src/entities/ner/\`.

## Data
- Trained on: ${o.trainFiles.map((f) => `\`${basename(f)}\``).join(', ')}${o.devFile ? `; the number of passes was chosen on \`${basename(o.devFile)}\`` : ''}.
- CoNLL-2003 English is Reuters newswire (1996–97) distributed for research use; these weights are
  derived from it, so the same research-use terms apply to them. Retrain on your own CoNLL-format
  files with \`npm run train:ner -- --train FILE --dev FILE\`.

## Features
Word, lower-cased word and word shape at positions −2..+2 (word form at −1..+1); prefixes and
suffixes of 1–4 characters; lower-cased word bigrams; shape bigrams and trigram;
sentence-initial and headline (all-capitals sentence) markers; gazetteer membership of tokens
and token n-grams (countries, capitals and demonyms from \`world-countries\`; international
organisations, outlets and agencies, government bodies, cities, states, regions and groups from
\`lexicon/gazetteers/\`) at −1..+1; document-level case evidence (is the word seen lower-case, or
capitalised mid-sentence, elsewhere in the document); the words next to every other occurrence
of a capitalised word in the document (context aggregation); role words and given names
(\`titles.txt\`, \`first-names.txt\`); the two previous predicted labels, alone and with the word
and shape; the type the document already gave the same word (prediction history).
No part-of-speech features. After tagging, a name keeps one type per document (majority vote;
a lone surname follows the full name).

## Training
- ${o.runs} runs over differently shuffled data, each keeping its best pass on dev (at most
  ${result.epochs} passes); the final weights are the mean of the runs' averaged weights.
- Training time ${result.seconds.toFixed(0)} s on one core.
- Weights: ${result.model.size} feature rows, int8 per-row-scaled, ${(o.bytes / 1e6).toFixed(1)} MB.

## Dev scores (exact match, conlleval)
${rows.length ? `| type | P | R | F1 | gold |\n|---|---|---|---|---|\n${rows.join('\n')}` : 'No dev set was given.'}

Reproduce: \`npm run train:ner\` then \`npm run eval:ner\`.
`;
}

const pct = (x: number): string => (100 * x).toFixed(2);
