// `parley search`: full-text search over stored statements and articles.
import { DB_OPTION, PAGING_OPTIONS, withStore, writeAll } from '../corpus/command-support.js';
import type { SearchHit } from '../corpus/queries.js';
import { runCommand, UsageError, type CommandSpec } from './args.js';

const TYPES = ['direct', 'mixed', 'indirect', 'article'] as const;

const SPEC: CommandSpec = {
  name: 'search',
  synopsis: '<text…> [options]',
  description:
    'Full-text search (ranked) over what was said and over article text. Words are all required;\n' +
    '"quoted words" match as a phrase; word* matches a prefix. Matches are shown in [brackets].',
  options: {
    speaker: { type: 'string', value: 'NAME', help: 'only statements by this speaker (name, alias or entity id)' },
    issue: { type: 'string', value: 'ID', help: 'only statements / articles about this issue' },
    from: { type: 'string', value: 'YYYY-MM-DD', help: 'first day' },
    to: { type: 'string', value: 'YYYY-MM-DD', help: 'last day' },
    type: { type: 'string', value: TYPES.join('|'), help: 'statement type, or article for article text only' },
    format: { type: 'string', short: 'f', value: 'text|json', help: 'output format (default text)' },
    ...PAGING_OPTIONS,
    ...DB_OPTION,
  },
};

function render(h: SearchHit, n: number): string {
  const who = h.kind === 'statement' ? `${h.speaker ?? 'unattributed'} (${h.type})` : 'article text';
  const title = h.title ? ` “${h.title}”` : '';
  return `${n}. ${h.day ?? '????-??-??'}  ${who}  — ${h.article}${title}\n   ${h.snippet.replace(/\s+/g, ' ')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const text = args.positionals.join(' ').trim();
    if (!text) throw new UsageError('give the words to search for');
    const format = args.choice('format', ['text', 'json'] as const) ?? 'text';
    const query = {
      text,
      speaker: args.string('speaker'),
      issue: args.string('issue'),
      from: args.date('from'),
      to: args.date('to'),
      type: args.choice('type', TYPES),
      limit: args.int('limit', 1, 1000) ?? 20,
      offset: args.int('offset') ?? 0,
    };
    return withStore(args.string('db'), async (store) => {
      const page = store.search(query);
      if (format === 'json') {
        await writeAll([JSON.stringify(page, null, 2) + '\n']);
      } else if (page.items.length === 0) {
        process.stdout.write(`no matches for ${JSON.stringify(text)}\n`);
      } else {
        const lines = page.items.map((h, i) => render(h, page.offset + i + 1));
        lines.push(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total} matches\n`);
        await writeAll(lines);
      }
      return 0;
    });
  });
}
