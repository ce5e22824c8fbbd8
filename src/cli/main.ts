#!/usr/bin/env node
// The `parley` command: a thin dispatcher. Each command lives in its own module,
// loaded only when used so that `parley stats` does not pay for loading the NER model.

interface CommandModule {
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, string> = {
  analyze: 'Analyse articles and print the dossier, JSON or JSONL',
  ingest: 'Analyse articles and store them in the corpus database',
  search: 'Full-text search over stored statements and articles',
  timeline: 'Event counts between actors over time',
  entity: 'Everything the corpus knows about one entity',
  issues: 'Issues across the corpus with their progress',
  issue: 'One issue: timeline, actors, stances',
  stats: 'What is in the corpus database',
  export: 'Export the corpus (gdelt, plover, jsonl, csv)',
  serve: 'Open the workbench: HTTP API and web UI',
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(width)}  ${d}`);
  return `usage: parley <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'parley <command> --help' for a command's options.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage());
    return command ? 0 : 2;
  }
  if (!(command in COMMANDS)) {
    process.stderr.write(`parley: unknown command '${command}'\n\n${usage()}`);
    return 2;
  }
  const mod = (await import(`./${command}.js`)) as CommandModule;
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`parley: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.PARLEY_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  },
);
