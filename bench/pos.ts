// parley's POS tagger and lemmatizer (src/text/pos.ts tagTokens) against wink-nlp, the teacher
// it was distilled from, on CoNLL-2003 sentences: agreement with wink per tag (tags and
// lemmas), agreement of each with the data's Penn tags mapped to Universal POS, speed of both
// in tokens per CPU second, and parley's model load time; plus how often the segmenter's
// tokenizer re-splits a space-joined CoNLL sentence into exactly its tokens.
// Run: npm run bench:pos -- [conll file]   (default ../shared/data/conll2003/dev.txt)
import { readFileSync } from 'node:fs';
import { DEFAULT_DEV } from '../src/entities/ner/paths.js';
import { Segmenter } from '../src/text/segment.js';
import { POS_MODEL_PATH, tagTokens } from '../src/text/pos.js';
import { agreementTable, measureAgreement } from '../src/text/pos/agreement.js';
import { Lemmatizer } from '../src/text/pos/lemmatizer.js';
import { PosModel } from '../src/text/pos/model.js';
import { PosTagger } from '../src/text/pos/tagger.js';
import type { Tagged } from '../src/text/pos/tags.js';
import { winkTag } from '../src/text/pos/teacher.js';

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

const file = process.argv[2] ?? DEFAULT_DEV;
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
const tokens = sentences.reduce((n, s) => n + s.words.length, 0);

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Tags every sentence twice (the first pass warms caches and the JIT); tokens per CPU second of each. */
function timed(tag: (words: string[]) => Tagged): { out: Tagged[]; first: number; warm: number } {
  let t = cpuSeconds();
  const out = sentences.map((s) => tag(s.words));
  const first = tokens / (cpuSeconds() - t);
  t = cpuSeconds();
  for (const s of sentences) tag(s.words);
  return { out, first, warm: tokens / (cpuSeconds() - t) };
}

function pennAgreement(tagged: Tagged[]): number {
  let agree = 0;
  sentences.forEach((s, i) => s.tags.forEach((penn, k) => {
    if ((PENN_TO_UPOS[penn] ?? []).includes(tagged[i]!.pos[k]!)) agree++;
  }));
  return agree / tokens;
}

let t = cpuSeconds();
const model = PosModel.load(POS_MODEL_PATH);
new PosTagger(model);
new Lemmatizer();
const loadMs = (cpuSeconds() - t) * 1000;

const wink = timed(winkTag);
const ours = timed(tagTokens);
const k = (x: number): string => `${Math.round(x / 1000)}k`;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(`${file}: ${sentences.length} sentences, ${tokens} tokens`);
console.log(`wink-nlp  tags+lemmas: ${k(wink.warm)} tokens per CPU second warm (${k(wink.first)} first pass); UPOS agrees with mapped Penn tags on ${pct(pennAgreement(wink.out))}`);
console.log(`parley    tags+lemmas: ${k(ours.warm)} tokens per CPU second warm (${k(ours.first)} first pass); UPOS agrees with mapped Penn tags on ${pct(pennAgreement(ours.out))}`);
console.log(`parley model load (weights, tagger, lemmatizer): ${loadMs.toFixed(1)} ms CPU; ${model.keys.length} rows`);
console.log(`\nparley against wink-nlp:\n${agreementTable(measureAgreement(wink.out, ours.out))}\n`);
const segmenter = new Segmenter();
let same = 0;
for (const s of sentences) {
  const joined = s.words.join(' ');
  const split = segmenter.segment(joined).tokens.map((tok) => tok.text);
  if (split.length === s.words.length && split.every((w, i) => w === s.words[i])) same++;
}
console.log(`tokenizer keeps ${pct(same / sentences.length)} of space-joined CoNLL sentences token-for-token`);
