// `parley issue <id>`: one issue over time — timeline, running progress, actors and their stances.
import { DB_OPTION, withStore, writeAll } from '../corpus/command-support.js';
import { foldEmpty, sparkline, table } from '../corpus/format.js';
import type { IssueDetail } from '../corpus/queries.js';
import { runCommand, UsageError, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'issue',
  synopsis: '<id> [options]',
  description:
    "One issue across the corpus: statements, events and progress per day, week or month with the\n" +
    'running progress index, every actor’s stances in date order, and who speaks about it.',
  options: {
    by: { type: 'string', value: 'day|week|month', help: 'period (default week)' },
    from: { type: 'string', value: 'YYYY-MM-DD', help: 'first day' },
    to: { type: 'string', value: 'YYYY-MM-DD', help: 'last day' },
    limit: { type: 'string', value: 'N', help: 'statements to show (default 10)' },
    format: { type: 'string', short: 'f', value: 'text|json', help: 'output format (default text)' },
    ...DB_OPTION,
  },
};

export function renderIssue(d: IssueDetail, tty: boolean): string {
  const out: string[] = [];
  out.push(`${d.label}  (${d.id})`);
  out.push(`${d.articles} articles, ${d.statements} statements, ${d.events} events, progress ${d.progress >= 0 ? '+' : ''}${d.progress}, ${d.firstDay ?? '?'} to ${d.lastDay ?? '?'}`);
  if (tty && d.buckets.length > 1) {
    out.push(`statements |${sparkline(d.buckets.map((b) => b.statements))}|`);
  }
  out.push('');
  out.push(
    table(
      ['period', 'articles', 'statements', 'events', 'progress', 'running', 'supports', 'opposes', 'conditional', 'neutral'],
      foldEmpty(
        d.buckets,
        (b) => b.articles + b.statements + b.events === 0,
        (b) => [b.period, b.articles, b.statements, b.events, b.progress, b.runningProgress,
          b.stances.supports, b.stances.opposes, b.stances.conditional, b.stances.neutral],
        10,
      ),
    ).trimEnd(),
  );
  if (d.actors.length) {
    out.push('\nstances:');
    for (const a of d.actors) {
      const history = a.history.map((h) => `${h.day ?? '?'} ${h.stance}`).join(' → ');
      out.push(`  ${a.actor.padEnd(8)} now ${a.current} (since ${a.since ?? '?'}):  ${history}`);
    }
  }
  if (d.speakers.length) {
    out.push(`\nspeakers: ${d.speakers.map((s) => `${s.name} (${s.statements})`).join(', ')}`);
  }
  if (d.statementList.items.length) {
    out.push(`\nlatest statements (${d.statementList.total}):`);
    for (const s of d.statementList.items) {
      out.push(`  ${s.day ?? '????-??-??'} ${s.speaker.name ?? 'unattributed'}: “${s.text.replace(/\s+/g, ' ')}”  — ${s.article}`);
    }
  }
  return out.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const [id, ...rest] = args.positionals;
    if (!id || rest.length) throw new UsageError("give one issue id (see 'parley issues')");
    const format = args.choice('format', ['text', 'json'] as const) ?? 'text';
    const query = {
      by: args.choice('by', ['day', 'week', 'month'] as const) ?? 'week',
      from: args.date('from'), to: args.date('to'),
      limit: args.int('limit', 1, 1000) ?? 10,
    };
    return withStore(args.string('db'), async (store) => {
      const d = store.issue(id, query);
      if (!d) {
        process.stderr.write(`parley issue: no issue '${id}' in ${store.location} (see 'parley issues')\n`);
        return 1;
      }
      await writeAll([format === 'json' ? JSON.stringify(d, null, 2) + '\n' : renderIssue(d, !!process.stdout.isTTY)]);
      return 0;
    });
  });
}
