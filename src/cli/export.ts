// `parley export`: the corpus as GDELT, PLOVER, JSONL or CSV, streamed.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { DB_OPTION, withStore, writeAll } from '../corpus/command-support.js';
import { exportLines, type ExportFormat, type ExportTable } from '../corpus/exports.js';
import { runCommand, UsageError, type CommandSpec } from './args.js';

const FORMATS: readonly ExportFormat[] = ['gdelt', 'plover', 'jsonl', 'csv'];
const TABLES: readonly ExportTable[] = ['quotes', 'events', 'entities'];

const SPEC: CommandSpec = {
  name: 'export',
  synopsis: '--format gdelt|plover|jsonl|csv [options]',
  description:
    'gdelt: GDELT 2.0 event table columns, tab-separated, one row per merged event.\n' +
    'plover: POLECAT-style JSON, one event per line.  jsonl: the full analysis of every stored\n' +
    'article, one per line.  csv: one table (--what quotes|events|entities).\n' +
    'Events are asserted-only unless --all-modalities. Column mappings: docs/exports.md.',
  options: {
    format: { type: 'string', short: 'f', value: FORMATS.join('|'), help: 'export format (required)' },
    what: { type: 'string', value: TABLES.join('|'), help: 'table for --format csv (default events)' },
    from: { type: 'string', value: 'YYYY-MM-DD', help: 'first day (events and quotes)' },
    to: { type: 'string', value: 'YYYY-MM-DD', help: 'last day (events and quotes)' },
    'all-modalities': { type: 'boolean', help: 'include negated, hypothetical, intended and ongoing events' },
    header: { type: 'boolean', help: 'gdelt: write a header line with the column names' },
    out: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE instead of stdout' },
    ...DB_OPTION,
  },
};

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const format = args.choice('format', FORMATS);
    if (!format) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
    const what = args.choice('what', TABLES);
    if (what && format !== 'csv') throw new UsageError('--what applies to --format csv only');
    const options = {
      format, what, from: args.date('from'), to: args.date('to'),
      allModalities: args.flag('all-modalities'), header: args.flag('header'),
    };
    const outPath = args.string('out');
    return withStore(args.string('db'), async (store) => {
      if (!outPath) {
        await writeAll(exportLines(store, options));
        return 0;
      }
      const file = createWriteStream(outPath);
      await once(file, 'open');
      await writeAll(exportLines(store, options), file);
      file.end();
      await once(file, 'finish');
      return 0;
    });
  });
}
