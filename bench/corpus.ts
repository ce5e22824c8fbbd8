// A generated benchmark corpus built from our example articles: paragraphs are recombined
// and names swapped so articles vary in content and length (300–1,500 words), reproducibly.
import { join } from 'node:path';
import { readConll } from '../src/entities/ner/conll.js';
import { readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/types.js';
import { rng } from '../src/random.js';

export const MIN_WORDS = 300;
export const MAX_WORDS = 1500;


const SWAPS: Array<[RegExp, string[]]> = [
  [/\bRussia\b/g, ['Russia', 'Turkey', 'Brazil', 'India', 'Japan', 'Egypt']],
  [/\bUkraine\b/g, ['Ukraine', 'Georgia', 'Moldova', 'Armenia', 'Serbia']],
  [/\bMonday\b|\bTuesday\b|\bWednesday\b|\bThursday\b|\bFriday\b/g, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']],
];

function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/** The articles of examples/ (every format ingest reads), the paragraph source of the corpus. */
export async function loadExampleArticles(root: string): Promise<Article[]> {
  const seeds: Article[] = [];
  for await (const item of readInputs([join(root, 'examples')], {})) if ('text' in item) seeds.push(item);
  return seeds;
}

/**
 * `count` articles recombined from the paragraphs of `seeds`, each of MIN_WORDS to MAX_WORDS
 * words (a paragraph that would overshoot MAX_WORDS is skipped for a shorter one).
 */
export function generateCorpus(seeds: Article[], count: number, seed = 7): Article[] {
  const random = rng(seed);
  const pool = seeds.flatMap((a) => paragraphsOf(a.text)).map((text) => ({ text, words: wordCount(text) }));
  const shortest = Math.min(...pool.map((p) => p.words));
  if (pool.length === 0 || shortest > MAX_WORDS - MIN_WORDS) {
    throw new Error('benchmark corpus: the example articles have no paragraphs short enough to combine');
  }
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const targetWords = MIN_WORDS + Math.floor(random() * (MAX_WORDS - MIN_WORDS));
    const parts: string[] = [];
    let words = 0;
    while (words < targetWords) {
      const p = pool[Math.floor(random() * pool.length)]!;
      if (words + p.words > MAX_WORDS) {
        if (MAX_WORDS - words < shortest) break;
        continue;
      }
      let text = p.text;
      for (const [pattern, choices] of SWAPS) {
        const pick = choices[Math.floor(random() * choices.length)]!;
        text = text.replace(pattern, pick);
      }
      parts.push(text);
      words += p.words;
    }
    const day = 1 + Math.floor(random() * 28);
    out.push({
      id: `bench-${i}`,
      date: `2025-0${1 + Math.floor(random() * 9)}-${String(day).padStart(2, '0')}`,
      title: null,
      source: null,
      url: null,
      text: parts.join('\n\n'),
      boilerplate: [],
    });
  }
  return out;
}

/** Space-separated CoNLL words back to running text ("Reuters , Aug 22" → "Reuters, Aug 22"). */
function detokenise(words: string[]): string {
  return words.join(' ')
    .replace(/ ([,.;:!?)\]%]|'s\b|n't\b)/g, '$1')
    .replace(/([([$]) /g, '$1');
}

/**
 * `count` articles of real newswire vocabulary: consecutive CoNLL-2003 documents (Reuters,
 * 1996–97) from a random starting point, detokenised, three sentences to a paragraph, joined until
 * an article has MIN_WORDS to MAX_WORDS words. Our generated corpus repeats the small vocabulary
 * of examples/, which flatters per-word caches; this one does not.
 */
export function conllCorpus(path: string, count: number, seed = 7): Article[] {
  const random = rng(seed);
  const docs = readConll(path).map((d) => d.sentences.map((s) => s.words));
  if (docs.length === 0) throw new Error(`benchmark corpus: ${path} has no CoNLL documents`);
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const targetWords = MIN_WORDS + Math.floor(random() * (MAX_WORDS - MIN_WORDS));
    const paragraphs: string[] = [];
    let words = 0;
    for (let d = Math.floor(random() * docs.length); words < targetWords; d = (d + 1) % docs.length) {
      const sentences = docs[d]!;
      for (let k = 0; k < sentences.length && words < MAX_WORDS; k += 3) {
        const group = sentences.slice(k, k + 3).filter((w) => words + w.length <= MAX_WORDS);
        if (group.length === 0) break;
        paragraphs.push(group.map(detokenise).join(' '));
        words += group.reduce((n, w) => n + w.length, 0);
      }
      if (words + 5 > MAX_WORDS) break;
    }
    out.push({
      id: `conll-bench-${i}`, date: '1996-08-22', title: null, source: null, url: null,
      text: paragraphs.join('\n\n'), boilerplate: [],
    });
  }
  return out;
}
