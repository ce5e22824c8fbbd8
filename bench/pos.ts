// POS tagging of CoNLL-2003 sentences with tagTokens (the function the NER trainer uses):
// tokens/s, agreement with the data's Penn tags mapped to Universal POS, and how often the
// segmenter's tokenizer re-splits a space-joined CoNLL sentence into exactly its tokens.
// Run: npx tsx bench/pos.ts [conll file]   (default ../shared/data/conll2003/dev.txt)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Segmenter } from '../src/text/segment.js';
import { tagTokens } from '../src/text/pos.js';

/** Universal tags a Penn Treebank tag may correspond to (Penn → UD conversion table). */
const PENN_TO_UPOS: Record<string, string[]> = {
  CC: ['CCONJ'], CD: ['NUM'], DT: ['DET', 'PRON'], EX: ['PRON'], FW: ['X'], IN: ['ADP', 'SCONJ'],
  JJ: ['ADJ'], JJR: ['ADJ'], JJS: ['ADJ'], LS: ['X', 'NUM'], MD: ['AUX'], NN: ['NOUN'], NNS: ['NOUN'],
  NNP: ['PROPN'], NNPS: ['PROPN'], PDT: ['DET'], POS: ['PART'], PRP: ['PRON'], 'PRP$': ['PRON', 'DET'],
  RB: ['ADV', 'PART'], RBR: ['ADV'], RBS: ['ADV'], RP: ['ADP', 'PART'], SYM: ['SYM'], TO: ['PART', 'ADP'],
  UH: ['INTJ'], VB: ['VERB', 'AUX'], VBD: ['VERB', 'AUX'], VBG: ['VERB', 'AUX'], VBN: ['VERB', 'AUX'],
  VBP: ['VERB', 'AUX'], VBZ: ['VERB', 'AUX'], WDT: ['PRON', 'DET'], 'WP': ['PRON'], 'WP$': ['PRON', 'DET'],
  WRB: ['ADV'], '.': ['PUNCT'], ',': ['PUNCT'], ':': ['PUNCT', 'SYM'], '``': ['PUNCT'], "''": ['PUNCT'],
  '"': ['PUNCT'], '(': ['PUNCT'], ')': ['PUNCT'], '$': ['SYM'], '#': ['SYM'], 'NN|SYM': ['NOUN', 'SYM'],
};

const file = process.argv[2] ?? resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'conll2003', 'dev.txt');
const sentences: Array<{ words: string[]; tags: string[] }> = [];
let words: string[] = [];
let tags: string[] = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const cols = line.trim().split(' ');
  if (cols.length < 2 || cols[0] === '-DOCSTART-') {
    if (words.length) sentences.push({ words, tags });
    words = [];
    tags = [];
  } else {
    words.push(cols[0]!);
    tags.push(cols[1]!);
  }
}
if (words.length) sentences.push({ words, tags });

let tokens = 0;
let agree = 0;
for (const s of sentences) tagTokens(s.words);
const t0 = performance.now();
const tagged = sentences.map((s) => tagTokens(s.words));
const seconds = (performance.now() - t0) / 1000;
sentences.forEach((s, i) => {
  tokens += s.words.length;
  s.tags.forEach((penn, k) => {
    if ((PENN_TO_UPOS[penn] ?? []).includes(tagged[i]!.pos[k]!)) agree++;
  });
});
const segmenter = new Segmenter();
let same = 0;
for (const s of sentences) {
  const joined = s.words.join(' ');
  const ours = segmenter.segment(joined).tokens.map((t) => t.text);
  if (ours.length === s.words.length && ours.every((w, k) => w === s.words[k])) same++;
}
console.log(`${file}: ${sentences.length} sentences, ${tokens} tokens`);
console.log(`tagTokens: ${Math.round(tokens / seconds / 1000)}k tokens/s; UPOS agrees with mapped Penn tags on ${(100 * agree / tokens).toFixed(1)}% of tokens`);
console.log(`tokenizer keeps ${(100 * same / sentences.length).toFixed(1)}% of space-joined CoNLL sentences token-for-token`);
