import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parley package root: the nearest directory above this module with a package.json (works from src/ and dist/). */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the parley package root (no package.json above ${fileURLToPath(import.meta.url)})`);
    dir = up;
  }
  return dir;
})();

/** A path inside the package: lexicon files, models, web assets. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
