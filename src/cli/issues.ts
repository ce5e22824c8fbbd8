// `parley issues`: the negotiation issues across the corpus, with their running progress.
import { DB_OPTION, PAGING_OPTIONS, withStore, writeAll } from '../corpus/command-support.js';
import { table } from '../corpus/format.js';
import { runCommand, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'issues',
  synopsis: '[options]',
  description:
    'Each issue found in the corpus: articles, statements and events about it, and its progress\n' +
    '(sum of +1 progress / −1 setback signals). `parley issue <id>` shows one issue over time.',
  options: {
    from: { type: 'string', value: 'YYYY-MM-DD', help: 'first day' },
    to: { type: 'string', value: 'YYYY-MM-DD', help: 'last day' },
    format: { type: 'string', short: 'f', value: 'table|json', help: 'output format (default table)' },
    ...PAGING_OPTIONS,
    ...DB_OPTION,
  },
};

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const format = args.choice('format', ['table', 'json'] as const) ?? 'table';
    const query = {
      from: args.date('from'), to: args.date('to'),
      limit: args.int('limit', 1, 1000) ?? 100, offset: args.int('offset') ?? 0,
    };
    return withStore(args.string('db'), async (store) => {
      const page = store.issues(query);
      if (format === 'json') {
        await writeAll([JSON.stringify(page, null, 2) + '\n']);
        return 0;
      }
      if (!page.items.length) {
        process.stdout.write('no issues in the corpus yet\n');
        return 0;
      }
      const rows = page.items.map((i) => [i.id, i.label, i.articles, i.statements, i.events, i.progress, i.firstDay, i.lastDay]);
      await writeAll([table(['id', 'label', 'articles', 'statements', 'events', 'progress', 'first', 'last'], rows)]);
      return 0;
    });
  });
}
