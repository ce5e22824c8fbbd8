import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: the nearest directory above this module holding package.json (works from src/ and dist/). */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

export const DEFAULT_MODEL = join(repoRoot, 'models', 'ner.bin');
export const GAZETTEER_DIR = join(repoRoot, 'lexicon', 'gazetteers');
export const DEFAULT_TRAIN = resolve(repoRoot, '..', 'shared', 'data', 'conll2003', 'train.txt');
export const DEFAULT_DEV = resolve(repoRoot, '..', 'shared', 'data', 'conll2003', 'dev.txt');
