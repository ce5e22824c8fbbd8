import { finishArticle } from './article.js';
import { parsePartialDate } from './dates.js';
import type { Line } from './lines.js';
import { skip, type ReadResult, type ResolvedReadOptions } from './types.js';

/**
 * Worst case of JSON escaping (`\u0000` is six bytes for one): a line longer than this cannot hold
 * an article within the limit, so it is skipped unread.
 */
export function jsonlLineLimit(maxBytes: number): number {
  return maxBytes * 6 + 64 * 1024;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function readRecord(name: string, line: Line, options: ResolvedReadOptions): ReadResult {
  const origin = `${name}:${line.no}`;
  if (line.invalid) return skip(origin, 'invalid UTF-8', 'invalid UTF-8 in this line');
  if (line.truncated) {
    return skip(
      origin,
      'over size limit',
      `line is ${line.bytes} bytes, too long to hold an article within the ${options.maxBytes}-byte limit (--max-bytes)`,
    );
  }
  let record: unknown;
  try {
    record = JSON.parse(line.text);
  } catch (err) {
    return skip(origin, 'malformed JSON', `malformed JSON: ${(err as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return skip(origin, 'malformed JSON', 'line is not a JSON object');
  }
  const r = record as Record<string, unknown>;
  let date = null;
  if (r.date !== undefined && r.date !== null && r.date !== '') {
    date = typeof r.date === 'string' ? parsePartialDate(r.date) : null;
    if (!date) {
      return skip(origin, 'bad date', `date ${JSON.stringify(r.date)} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
    }
  }
  if (typeof r.text !== 'string' || r.text.trim() === '') {
    return skip(origin, 'missing text', r.text === undefined ? "record has no 'text' field" : "record's 'text' is empty or not a string");
  }
  return finishArticle(
    {
      id: optionalString(r.id),
      date,
      title: optionalString(r.title),
      source: optionalString(r.source),
      url: optionalString(r.url),
      text: r.text,
      origin,
    },
    options,
  );
}

/** JSONL / NDJSON: one article per line, streamed. `text` is used byte for byte. */
export async function* readJsonlLines(
  name: string,
  batches: AsyncIterable<Line[]>,
  options: ResolvedReadOptions,
): AsyncGenerator<ReadResult> {
  for await (const batch of batches) {
    for (const line of batch) {
      if (!line.truncated && !line.invalid && line.text.trim() === '') continue;
      yield readRecord(name, line, options);
    }
  }
}
