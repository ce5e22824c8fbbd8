import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The lexicon/ directory, found by walking up from this module (it runs from src/ and from dist/src/). */
export const lexiconDir: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('lexicon/: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return join(dir, 'lexicon');
})();

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
