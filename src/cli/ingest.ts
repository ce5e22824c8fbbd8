// `parley ingest`: analyse articles on all cores and store them in the corpus database.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ingest } from '../corpus/ingest.js';
import { progressView } from '../corpus/progress.js';
import { SqliteStore } from '../corpus/sqlite-store.js';
import { readInputs } from '../ingest/read.js';
import { IngestTally } from '../ingest/tally.js';
import { INPUT_OPTIONS, INPUTS_HELP, runCommand, UsageError, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'ingest',
  synopsis: '<inputs…> [options]',
  description:
    'Analyse articles and store them in the corpus database (SQLite, created if missing).\n' +
    'Re-ingesting an article (same id or same words) changes nothing; copies and near-copies are\n' +
    'linked to their original and not counted twice. Safe to interrupt: run it again to finish.\n' +
    INPUTS_HELP,
  options: {
    db: { type: 'string', value: 'FILE', help: 'corpus database (default ./parley.db)' },
    workers: { type: 'string', value: 'N', help: 'analysis threads (default: one per core but one, at least 1; 0 = none)' },
    batch: { type: 'string', value: 'N', help: 'articles per write transaction (default 256)' },
    issues: { type: 'string', value: 'FILE', help: 'issue taxonomy to use instead of / on top of the default' },
    quiet: { type: 'boolean', short: 'q', help: 'no progress and no summary (skips are still reported)' },
    ...INPUT_OPTIONS,
  },
};

/** Bytes of the local file inputs, for the ETA; null when any input is a stream or a URL. */
async function inputBytes(inputs: string[]): Promise<number | null> {
  let total = 0;
  const walk = async (path: string): Promise<boolean> => {
    try {
      const info = await stat(path);
      if (info.isFile()) total += info.size;
      else if (info.isDirectory()) {
        for (const name of await readdir(path)) if (!name.startsWith('.') && !(await walk(join(path, name)))) return false;
      }
      return true;
    } catch {
      return true;
    }
  };
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) return null;
    await walk(input);
  }
  return total || null;
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const inputs = args.positionals;
    if (inputs.length === 0) throw new UsageError('no inputs: give files, directories or URLs, or - to read stdin');
    const workers = args.int('workers', 0, 256);
    const batchSize = args.int('batch', 1, 100_000);
    const quiet = args.flag('quiet');
    const readOptions = args.readOptions();
    const issuesFile = args.string('issues');
    const path = args.string('db') ?? 'parley.db';

    const store = SqliteStore.open(path);
    const tally = new IngestTally((line) => process.stderr.write(line), 'parley ingest');
    const view = quiet ? null : progressView(process.stderr);
    try {
      const result = await ingest(store, readInputs(inputs, readOptions), {
        workers,
        batchSize,
        pipeline: issuesFile ? { issuesFile } : {},
        totalBytes: quiet ? null : await inputBytes(inputs),
        onProgress: view ? (p) => view.update(p) : undefined,
        onSkip: (s) => {
          view?.done();
          tally.skip(s);
        },
      });
      view?.done();
      if (!quiet) {
        const secs = result.elapsedMs / 1000;
        process.stderr.write(
          `parley ingest: ${result.stored} stored, ${result.duplicates} duplicates, ${result.nearDuplicates} near-duplicates, ` +
            `${result.exists} already stored, ${result.skipped} skipped in ${secs.toFixed(1)} s ` +
            `(${result.rate.toFixed(0)} articles/s) → ${path}\n`,
        );
      }
      return tally.exitCode;
    } catch (err) {
      view?.done();
      throw err;
    } finally {
      store.close();
    }
  });
}
