import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found by walking up from this file (tests run from dist/test). */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

/** ../shared beside the checkout (training data, the reference article), or null when absent. */
export const sharedDir: string | null = (() => {
  const dir = process.env.PARLEY_SHARED ?? resolve(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : null;
})();

/** Message for tests that skip because ../shared is absent: visible in the runner's output. */
export const SHARED_ABSENT = `../shared is absent (looked in ${resolve(repoRoot, '..', 'shared')}): test skipped`;

/** Path inside ../shared, or null when ../shared is absent. */
export function sharedPath(...parts: string[]): string | null {
  return sharedDir ? join(sharedDir, ...parts) : null;
}

/** Path inside the repository. */
export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}

/** The reference article's path, or null when ../shared is absent. */
export const seedPath = sharedPath('seeds', '000_ae97ed81ad305771.txt');
