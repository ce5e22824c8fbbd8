import { join, resolve } from 'node:path';
import { packageRoot as repoRoot } from '../../paths.js';

export const DEFAULT_MODEL = join(repoRoot, 'models', 'ner.bin');
export const GAZETTEER_DIR = join(repoRoot, 'lexicon', 'gazetteers');
export const DEFAULT_TRAIN = resolve(repoRoot, '..', 'shared', 'data', 'conll2003', 'train.txt');
export const DEFAULT_DEV = resolve(repoRoot, '..', 'shared', 'data', 'conll2003', 'dev.txt');
