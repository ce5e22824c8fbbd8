import type { Article } from '../types.js';
import { parsePartialDate } from './dates.js';

/** Why an input or one record of it was not turned into an article. */
export type SkipCategory =
  | 'empty'
  | 'binary'
  | 'invalid UTF-8'
  | 'malformed JSON'
  | 'bad date'
  | 'over size limit'
  | 'missing text'
  | 'unreadable'
  | 'fetch failed'
  | 'analysis failed';

/** An input (or one record of it) that could not be read, with the reason, for stderr. */
export interface Skip {
  kind: 'skip';
  /** File path or URL, plus the record or line where there is one. */
  origin: string;
  category: SkipCategory;
  /** One clear sentence on what is wrong. */
  reason: string;
}

export type ReadResult = Article | Skip;

export function isSkip(result: ReadResult): result is Skip {
  return (result as Skip).kind === 'skip';
}

export function skip(origin: string, category: SkipCategory, reason: string): Skip {
  return { kind: 'skip', origin, category, reason };
}

export interface ReadOptions {
  /** Date for articles whose input gives none (plain text above all). */
  date?: string | null;
  /** Largest article text accepted, in UTF-8 bytes. */
  maxBytes?: number;
  /** Largest whole HTML page or feed accepted (they are parsed in one piece), in bytes. */
  maxDocumentBytes?: number;
  /** Fetch each feed item's page for its full text instead of using the feed's summary. */
  fetchItems?: boolean;
  /** Time limit for one http(s) request, in milliseconds. */
  timeoutMs?: number;
  /** Where `-` reads from; process.stdin by default (tests pass their own stream). */
  stdin?: AsyncIterable<Uint8Array>;
}

export interface ResolvedReadOptions {
  date: string | null;
  maxBytes: number;
  maxDocumentBytes: number;
  fetchItems: boolean;
  timeoutMs: number;
  stdin: AsyncIterable<Uint8Array> | null;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

export function resolveReadOptions(options: ReadOptions): ResolvedReadOptions {
  const date = options.date ? parsePartialDate(options.date) : null;
  if (options.date && !date) throw new Error(`date '${options.date}' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
  return {
    date,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    fetchItems: options.fetchItems ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    stdin: options.stdin ?? null,
  };
}
