import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../paths.js';

/** The lexicon/ directory of the package. */
export const lexiconDir: string = packagePath('lexicon');

/** Parse a lexicon JSON file, naming the file in any error. */
export function readLexiconJson<T>(...parts: string[]): T {
  const file = join(lexiconDir, ...parts);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`lexicon ${file}: ${(err as Error).message}`);
  }
}

/** Lines of a plain-text lexicon file, without blanks and '#' comments. */
export function readLexiconLines(...parts: string[]): string[] {
  const file = join(lexiconDir, ...parts);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`lexicon ${file}: ${(err as Error).message}`);
  }
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0);
}

/**
 * A compact filter over a word list, for loops that test every token against a lexicon: `mayHave`
 * reads four characters and one byte, and is false for most words not in the list (never for a
 * word in it), so only the rest need the Map or Set look-up.
 */
export class WordSieve {
  private readonly marks = new Uint8Array(1 << 16);

  constructor(words: Iterable<string>) {
    for (const w of words) this.marks[sieveKey(w)] = 1;
  }

  mayHave(word: string): boolean {
    return this.marks[sieveKey(word)] === 1;
  }
}

/** First, second and last character and the length, hashed to 16 bits. */
function sieveKey(w: string): number {
  const n = w.length;
  return ((((w.charCodeAt(0) | 0) * 31 + (w.charCodeAt(1) | 0)) * 31 + (w.charCodeAt(n - 1) | 0)) * 31 + n) & 0xffff;
}
