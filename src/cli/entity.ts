// `parley entity`: everything the corpus knows about one person, organisation or place.
import { DB_OPTION, withStore, writeAll } from '../corpus/command-support.js';
import { table } from '../corpus/format.js';
import type { EntityDetail, EventRow } from '../corpus/queries.js';
import { runCommand, UsageError, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'entity',
  synopsis: '<name|id> [options]',
  description:
    'Who it is (aliases, roles over time, actor codes over time), what it said, and the events it\n' +
    'took part in as source or target. The name may be any alias or part of a name.',
  options: {
    limit: { type: 'string', value: 'N', help: 'statements and events to show (default 10)' },
    'all-modalities': { type: 'boolean', help: 'include negated, hypothetical, intended and ongoing events' },
    format: { type: 'string', short: 'f', value: 'text|json', help: 'output format (default text)' },
    ...DB_OPTION,
  },
};

function eventLines(events: EventRow[]): string {
  return table(
    ['day', 'code', 'source', 'target', 'modality', 'articles', 'evidence'],
    events.map((e) => [e.day, e.code, e.sourceName ?? e.source, e.targetName ?? e.target, e.modality, e.numArticles,
      e.evidence.length > 70 ? `${e.evidence.slice(0, 69)}…` : e.evidence]),
  );
}

export function renderEntity(d: EntityDetail): string {
  const out: string[] = [];
  out.push(`${d.name}  (${d.type}${d.actor ? `, ${d.actor}` : ''}${d.country ? `, ${d.country}` : ''})  #${d.id}`);
  out.push(`${d.articles} articles, ${d.mentions} mentions, ${d.firstDay ?? '?'} to ${d.lastDay ?? '?'}`);
  if (d.aliases.length > 1) out.push(`also called: ${d.aliases.filter((a) => a.name !== d.name).map((a) => a.name).join('; ')}`);
  if (d.roles.length) {
    out.push('\nroles:');
    for (const r of d.roles) out.push(`  ${r.role}  (${r.firstDay ?? '?'} – ${r.lastDay ?? '?'}, ${r.articles} articles)`);
  }
  if (d.actorHistory.length) {
    out.push('\nactor codes:');
    for (const a of d.actorHistory) out.push(`  ${a.actor}  (${a.firstDay ?? '?'} – ${a.lastDay ?? '?'}, ${a.articles} articles)`);
  }
  out.push(`\nstatements (${d.statements.total}):`);
  for (const s of d.statements.items) {
    out.push(`  ${s.day ?? '????-??-??'} [${s.type}] “${s.text.replace(/\s+/g, ' ')}”  — ${s.article}${s.issues.length ? `  {${s.issues.join(', ')}}` : ''}`);
  }
  out.push(`\nevents as source (${d.eventsAsSource.total}):`);
  if (d.eventsAsSource.items.length) out.push(eventLines(d.eventsAsSource.items).trimEnd());
  out.push(`\nevents as target (${d.eventsAsTarget.total}):`);
  if (d.eventsAsTarget.items.length) out.push(eventLines(d.eventsAsTarget.items).trimEnd());
  if (d.alsoMatched.length) {
    out.push(`\nthe name also matches: ${d.alsoMatched.map((e) => `${e.name} (${e.type}, #${e.id})`).join('; ')}`);
  }
  return out.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const name = args.positionals.join(' ').trim();
    if (!name) throw new UsageError('give a name, an alias or an entity id');
    const format = args.choice('format', ['text', 'json'] as const) ?? 'text';
    const limit = args.int('limit', 1, 1000) ?? 10;
    return withStore(args.string('db'), async (store) => {
      const d = store.entity(name, { limit, allModalities: args.flag('all-modalities') });
      if (!d) {
        process.stderr.write(`parley entity: no entity called '${name}' in ${store.location}\n`);
        return 1;
      }
      await writeAll([format === 'json' ? JSON.stringify(d, null, 2) + '\n' : renderEntity(d)]);
      return 0;
    });
  });
}
