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
