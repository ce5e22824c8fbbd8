import type { SkipCategory } from './types.js';

/** A stream of bytes to read articles from: a file, stdin, a fetched URL, or a decompressed one of these. */
export interface Source {
  /** Path or URL, as messages name it. */
  name: string;
  /** Name used to guess the format: the path without `.gz` once decompressed. */
  formatHint: string;
  url: string | null;
  contentType: string | null;
  bytes: AsyncIterable<Uint8Array>;
}

/** A problem with a whole input, reported as a Skip of that input. */
export class InputError extends Error {
  constructor(
    readonly category: SkipCategory,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a stream to its end, refusing more than `limit` bytes. */
export async function readAll(bytes: AsyncIterable<Uint8Array>, limit: number, what: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bytes) {
    total += chunk.length;
    if (total > limit) throw new InputError('over size limit', `${what} is over ${limit} bytes, the limit for one document`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

/** The first `n` bytes of a stream, and the stream again from its start. */
export async function peek(
  bytes: AsyncIterable<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(seen, size).subarray(0, n);
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, bytes: replay() };
}
