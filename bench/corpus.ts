// A generated benchmark corpus built from our example articles: paragraphs are recombined
// and names swapped so articles vary in content and length (300–1,500 words), reproducibly.
import type { Article } from '../src/types.js';

/** Small deterministic PRNG (mulberry32) so a corpus of a given size is the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SWAPS: Array<[RegExp, string[]]> = [
  [/\bRussia\b/g, ['Russia', 'Turkey', 'Brazil', 'India', 'Japan', 'Egypt']],
  [/\bUkraine\b/g, ['Ukraine', 'Georgia', 'Moldova', 'Armenia', 'Serbia']],
  [/\bMonday\b|\bTuesday\b|\bWednesday\b|\bThursday\b|\bFriday\b/g, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']],
];

function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** `count` articles recombined from the paragraphs of `seeds`. */
export function generateCorpus(seeds: Article[], count: number, seed = 7): Article[] {
  const random = rng(seed);
  const pool = seeds.flatMap((a) => paragraphsOf(a.text));
  if (pool.length === 0) throw new Error('benchmark corpus: the example articles have no paragraphs');
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const targetWords = 300 + Math.floor(random() * 1200);
    const parts: string[] = [];
    let words = 0;
    while (words < targetWords) {
      let p = pool[Math.floor(random() * pool.length)]!;
      for (const [pattern, choices] of SWAPS) {
        const pick = choices[Math.floor(random() * choices.length)]!;
        p = p.replace(pattern, pick);
      }
      parts.push(p);
      words += p.split(/\s+/).length;
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
