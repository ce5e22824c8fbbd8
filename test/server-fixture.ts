import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SqliteStore } from '../src/corpus/sqlite-store.js';
import { createApp } from '../src/server/app.js';
import { repoPath } from './helpers.js';

/** A hostile article: markup and script URLs in its text, title and URL, which must never run. */
export const HOSTILE = {
  id: 'hostile-1',
  date: '2025-05-02',
  title: 'Envoy <script>window.__pwned = "title"</script> talks',
  url: 'javascript:window.__pwned="url"',
  text:
    'GENEVA, May 2 - Foreign Minister Anna Weber said on Friday that talks would resume. ' +
    '"We will not accept <script>window.__pwned = "quote"</script> any delay," Weber told reporters. ' +
    'She said <img src=x onerror="window.__pwned=\'img\'"> the ceasefire must hold, and pointed to ' +
    '<a href="javascript:window.__pwned=\'link\'">the agreement</a> signed in March.',
};

/** A corpus database holding the bundled examples plus the hostile article, built with the real CLI. */
export function buildExampleCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-server-'));
  const db = join(dir, 'corpus.db');
  const hostile = join(dir, 'hostile.jsonl');
  writeFileSync(hostile, JSON.stringify(HOSTILE) + '\n');
  const run = spawnSync(process.execPath, [repoPath('dist/src/cli/main.js'), 'ingest', repoPath('examples'), hostile, '--db', db, '--quiet'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ingest of the examples failed (${run.status}): ${run.stderr}`);
  return db;
}

/** Serves the workbench over `db` on a free loopback port. */
export async function startServer(db: string): Promise<{ base: string; close: () => Promise<void> }> {
  const store = SqliteStore.open(db, { readonly: true });
  const server = createApp({ store, analyzePerMinute: 1000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          store.close();
          resolve();
        }),
      ),
  };
}
