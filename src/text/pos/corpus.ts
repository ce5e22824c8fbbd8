import { readInputs } from '../../ingest/index.js';
import { readConll } from '../../entities/ner/conll.js';
import { rng } from '../../random.js';
import { Abbreviations } from '../abbreviations.js';
import { paragraphSpans } from '../paragraphs.js';
import { SentenceSplitter } from '../sentences.js';
import { Tokenizer } from '../tokenize.js';
import type { Span } from '../../types.js';
import { winkTag } from './teacher.js';
import { TAG_ID, type Tagged } from './tags.js';
import type { TaggedSentence } from './train.js';

// Training side: the sentences parley's tagger learns from and is measured on, with the
// teacher's (wink-nlp's) tags and lemmas.

/** A sentence's words with the teacher's tags and lemmas. */
export interface TeacherSentence extends Tagged {
  words: string[];
}

/** The word sequences of a CoNLL file's sentences. */
export function conllSentences(path: string): string[][] {
  return readConll(path).flatMap((d) => d.sentences.map((s) => s.words));
}

/** The sentences of every article ingest reads under `dirs`, tokenised as the segment stage does. */
export async function articleSentences(dirs: string[]): Promise<string[][]> {
  const abbreviations = new Abbreviations();
  const tokenizer = new Tokenizer(abbreviations);
  const splitter = new SentenceSplitter(abbreviations);
  const out: string[][] = [];
  for await (const item of readInputs(dirs, {})) {
    if (!('text' in item)) continue;
    const text = item.text;
    for (const p of paragraphSpans(text, 0, text.length)) {
      const spans: Span[] = [];
      tokenizer.tokenize(text, p.start, p.end, spans);
      for (const [a, b] of splitter.split(text, spans, 0, spans.length)) {
        out.push(spans.slice(a, b).map((s) => text.slice(s.start, s.end)));
      }
    }
  }
  return out;
}

export function teach(sentences: string[][]): TeacherSentence[] {
  return sentences.map((words) => ({ words, ...winkTag(words) }));
}

export function tagIds(s: TeacherSentence): TaggedSentence {
  return { words: s.words, tags: Uint8Array.from(s.pos, (t) => TAG_ID.get(t)!) };
}

/** Tags whose words are swapped for others of the same tag in augmented copies. */
const OPEN_CLASSES = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);

/**
 * Augmented copies of teacher-labelled sentences for distillation: in each copy, open-class
 * words are swapped, with probability `rate`, for another word the teacher gave the same tag
 * with the same last two letters somewhere in `sentences` (every such form equally likely, so
 * rare words meet many contexts), keeping a capital initial. The teacher then labels the
 * copies afresh: the student learns what the teacher does with those words in new contexts.
 */
export function augment(sentences: TeacherSentence[], copies: number, rate: number, seed: number): string[][] {
  const random = rng(seed);
  const pools = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      const tag = s.pos[i]!;
      if (!OPEN_CLASSES.has(tag) || !/^\p{L}+$/u.test(w)) return;
      const form = tag === 'PROPN' ? w : w.toLowerCase();
      const key = `${tag} ${form.slice(-2).toLowerCase()}`;
      if (seen.has(`${key} ${form}`)) return;
      seen.add(`${key} ${form}`);
      let pool = pools.get(key);
      if (!pool) pools.set(key, (pool = []));
      pool.push(form);
    });
  }
  const out: string[][] = [];
  for (let c = 0; c < copies; c++) {
    for (const s of sentences) {
      out.push(s.words.map((w, i) => {
        const tag = s.pos[i]!;
        if (!OPEN_CLASSES.has(tag) || !/^\p{L}+$/u.test(w) || random() >= rate) return w;
        const pool = pools.get(`${tag} ${w.slice(-2).toLowerCase()}`)!;
        const pick = pool[Math.floor(random() * pool.length)]!;
        return tag !== 'PROPN' && w[0] !== w[0]!.toLowerCase() ? pick[0]!.toUpperCase() + pick.slice(1) : pick;
      }));
    }
  }
  return out;
}
