/**
 * Reading the issue lexicons that ship with parley (lexicon/issues/) without a schema library:
 * loading zod costs more start-up time than the whole layer. A cheap shape check catches a
 * broken edit with an error naming the file and key; a user's taxonomy file is validated in full
 * by taxonomy.ts, loaded only when one is given.
 */
import { readFileSync } from 'node:fs';

/** The JSON type each top-level key must have; "version" must be 1. */
export type Shape = Record<string, 'array' | 'number' | 'string' | 'version'>;

/** Read a bundled JSON lexicon and check its top-level shape; optional keys may be missing. */
export function readBundled<T>(file: string, shape: Shape, optional: string[] = []): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`lexicon ${file}: ${(err as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`lexicon ${file}: top level: expected an object`);
  const record = json as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, type] of Object.entries(shape)) {
    const value = record[key];
    if (value === undefined) {
      if (!optional.includes(key)) problems.push(`${key}: missing`);
    } else if (type === 'version' ? value !== 1 : type === 'array' ? !Array.isArray(value) : typeof value !== type) {
      problems.push(`${key}: expected ${type === 'version' ? 'version 1' : `a ${type}`}`);
    }
  }
  for (const key of Object.keys(record)) if (!(key in shape)) problems.push(`${key}: unknown key`);
  if (problems.length > 0) throw new Error(`lexicon ${file}: ${problems.join('; ')}`);
  return json as T;
}
