import { once } from 'node:events';
import { SqliteStore } from './sqlite-store.js';

// What the corpus commands (search, timeline, entity, stats, issues, issue, export) share:
// the --db option, opening the store read-only, and writing output that may be piped to `head`.

export const DEFAULT_DB = 'parley.db';

export const DB_OPTION = {
  db: { type: 'string' as const, value: 'FILE', help: `corpus database (default ./${DEFAULT_DB})` },
};

export const PAGING_OPTIONS = {
  limit: { type: 'string' as const, value: 'N', help: 'rows to show (default 20)' },
  offset: { type: 'string' as const, value: 'N', help: 'rows to skip first (default 0)' },
};

/** Runs `body` on the database opened read-only, closing it afterwards. */
export async function withStore<T>(path: string | undefined, body: (store: SqliteStore) => Promise<T> | T): Promise<T> {
  const store = SqliteStore.open(path ?? DEFAULT_DB, { readonly: true });
  try {
    return await body(store);
  } finally {
    store.close();
  }
}

/** Writes chunks to stdout with backpressure; stops quietly when the reader goes away (EPIPE). */
export async function writeAll(chunks: Iterable<string>, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  let closed = false;
  let failure: Error | null = null;
  const onError = (err: NodeJS.ErrnoException): void => {
    closed = true;
    if (err.code !== 'EPIPE') failure = err;
  };
  stream.on('error', onError);
  try {
    let pending = '';
    for (const chunk of chunks) {
      if (closed) return;
      pending += chunk;
      // Gather small lines into ~64 KB writes: one write per row is slow.
      if (pending.length < 65536) continue;
      const ok = stream.write(pending);
      pending = '';
      if (!ok) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
    }
    if (pending && !closed) stream.write(pending);
  } finally {
    stream.off('error', onError);
  }
  if (failure) throw failure;
}
