import { join } from 'node:path';
import { lexiconDir } from '../text/lexicon.js';
import { readBundled } from './bundled.js';
import type { Taxonomy, TaxonomyFile } from './taxonomy.js';

export const DEFAULT_TAXONOMY_FILE = join(lexiconDir, 'issues', 'default.json');

/**
 * The bundled default taxonomy, shape-checked only (bundled.ts): the test suite validates it in
 * full with taxonomy.ts, which a user's --issues file goes through.
 */
export function loadDefaultTaxonomy(): Taxonomy {
  const file = readBundled<TaxonomyFile>(DEFAULT_TAXONOMY_FILE, { version: 'version', mode: 'string', description: 'string', issues: 'array' }, ['description']);
  return { issues: file.issues, files: [DEFAULT_TAXONOMY_FILE] };
}
