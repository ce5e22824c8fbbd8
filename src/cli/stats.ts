// `parley stats`: what is in the corpus database.
import { statSync } from 'node:fs';
import { DB_OPTION, withStore, writeAll } from '../corpus/command-support.js';
import type { CorpusStats } from '../corpus/queries.js';
import { runCommand, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'stats',
  synopsis: '[options]',
  description: 'Counts of what the corpus holds: articles and duplicates, entities, statements, events, issues.',
  options: {
    format: { type: 'string', short: 'f', value: 'text|json', help: 'output format (default text)' },
    ...DB_OPTION,
  },
};

export function renderStats(s: CorpusStats, location: string, bytes: number): string {
  const a = s.articles;
  const lines = [
    `${location}  (${(bytes / 1048576).toFixed(1)} MB, schema v${s.schemaVersion})`,
    `articles      ${a.total}  (${a.originals} originals, ${a.exactDuplicates} duplicates, ${a.nearDuplicates} near-duplicates)`,
    `dates         ${s.firstDay ?? '?'} to ${s.lastDay ?? '?'}`,
    `entities      ${s.entities}  (${s.mentions} mentions)`,
    `statements    ${s.statements}`,
    `events        ${s.events} merged from ${s.eventReports} reports (${s.assertedEvents} asserted)`,
    `issues        ${s.issues}`,
  ];
  if (s.sources.length) lines.push(`top sources   ${s.sources.map((x) => `${x.source} (${x.articles})`).join(', ')}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const format = args.choice('format', ['text', 'json'] as const) ?? 'text';
    return withStore(args.string('db'), async (store) => {
      const s = store.stats();
      const bytes = statSync(store.location).size;
      await writeAll([format === 'json' ? JSON.stringify({ location: store.location, bytes, ...s }, null, 2) + '\n' : renderStats(s, store.location, bytes)]);
      return 0;
    });
  });
}
