// Shared by the ingest tests: collect what readInputs yields, split into articles and skips.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/read.js';
import { isSkip, type ReadOptions, type Skip } from '../src/ingest/types.js';
import type { Article } from '../src/types.js';
import { repoPath } from './helpers.js';

export const fixture = (...parts: string[]): string => repoPath('test', 'fixtures', 'ingest', ...parts);
export const example = (...parts: string[]): string => repoPath('examples', ...parts);

export async function collect(inputs: string[], options: ReadOptions = {}): Promise<{ articles: Article[]; skips: Skip[] }> {
  const articles: Article[] = [];
  const skips: Skip[] = [];
  for await (const r of readInputs(inputs, options)) {
    if (isSkip(r)) skips.push(r);
    else articles.push(r);
  }
  return { articles, skips };
}

/** A fresh temporary directory for files a test writes (binary and broken inputs). */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parley-ingest-'));
}
