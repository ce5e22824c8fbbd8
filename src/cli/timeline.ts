// `parley timeline`: events between actors over time, from the daily roll-up.
import { DB_OPTION, withStore, writeAll } from '../corpus/command-support.js';
import { csvRow, foldEmpty, sparkline, table } from '../corpus/format.js';
import type { TimelineResult } from '../corpus/queries.js';
import { runCommand, UsageError, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'timeline',
  synopsis: '<actorA> [actorB] [options]',
  description:
    'Event counts by quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,\n' +
    '4 material conflict) and mean Goldstein score per day, week or month. Actors are CAMEO codes or\n' +
    'prefixes (RUS, USAGOV) or entity names. With two actors, events in both directions. Merged events\n' +
    'are counted once however many articles report them; only asserted events unless --all-modalities.',
  options: {
    by: { type: 'string', value: 'day|week|month', help: 'period (default day)' },
    from: { type: 'string', value: 'YYYY-MM-DD', help: 'first day' },
    to: { type: 'string', value: 'YYYY-MM-DD', help: 'last day' },
    directed: { type: 'boolean', help: 'only events from actorA to actorB' },
    'all-modalities': { type: 'boolean', help: 'count negated, hypothetical, intended and ongoing events too' },
    format: { type: 'string', short: 'f', value: 'table|csv|json', help: 'output format (default table)' },
    ...DB_OPTION,
  },
};

function title(t: TimelineResult): string {
  const side = (s: { query: string; codes: string[] }): string =>
    s.codes.length === 1 && s.codes[0] === s.query ? s.query : `${s.query} (${s.codes.join(', ')})`;
  return `${side(t.a)}${t.b ? ` ↔ ${side(t.b)}` : ''}, by ${t.by}${t.allModalities ? ', all modalities' : ', asserted events'}`;
}

export function renderTable(t: TimelineResult, tty: boolean): string {
  const notAsserted = (b: TimelineResult['buckets'][number]): number =>
    Object.entries(b.modalities).reduce((n, [m, v]) => n + (m === 'asserted' ? 0 : v ?? 0), 0);
  const rows = foldEmpty(
    t.buckets,
    (b) => b.events === 0 && notAsserted(b) === 0,
    (b) => [b.period, b.events, b.quad1, b.quad2, b.quad3, b.quad4, b.goldsteinMean, t.allModalities ? null : notAsserted(b)],
    8,
  );
  const headers = ['period', 'events', 'q1', 'q2', 'q3', 'q4', 'goldstein', t.allModalities ? '' : 'not asserted'];
  let out = `${title(t)}\n`;
  if (tty && t.buckets.length > 1) {
    out += `events     |${sparkline(t.buckets.map((b) => b.events))}|\n`;
    out += `conflict   |${sparkline(t.buckets.map((b) => b.quad3 + b.quad4))}|\n`;
  }
  return out + table(headers, rows);
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const [a, b, ...rest] = args.positionals;
    if (!a) throw new UsageError('give one actor (or two)');
    if (rest.length) throw new UsageError(`at most two actors, not ${args.positionals.length}`);
    const format = args.choice('format', ['table', 'csv', 'json'] as const) ?? 'table';
    const query = {
      a, b,
      by: args.choice('by', ['day', 'week', 'month'] as const),
      from: args.date('from'),
      to: args.date('to'),
      directed: args.flag('directed'),
      allModalities: args.flag('all-modalities'),
    };
    return withStore(args.string('db'), async (store) => {
      let t: TimelineResult;
      try {
        t = store.timeline(query);
      } catch (err) {
        process.stderr.write(`parley timeline: ${(err as Error).message}\n`);
        return 1;
      }
      if (format === 'json') await writeAll([JSON.stringify(t, null, 2) + '\n']);
      else if (format === 'csv') {
        const header = csvRow(['period', 'events', 'quad1', 'quad2', 'quad3', 'quad4', 'goldstein_sum', 'goldstein_mean', 'asserted', 'negated', 'hypothetical', 'intended', 'ongoing']);
        const lines = t.buckets.map((x) => csvRow([x.period, x.events, x.quad1, x.quad2, x.quad3, x.quad4, x.goldsteinSum, x.goldsteinMean,
          x.modalities.asserted ?? 0, x.modalities.negated ?? 0, x.modalities.hypothetical ?? 0, x.modalities.intended ?? 0, x.modalities.ongoing ?? 0]));
        await writeAll([header, ...lines]);
      } else await writeAll([renderTable(t, !!process.stdout.isTTY)]);
      return 0;
    });
  });
}
