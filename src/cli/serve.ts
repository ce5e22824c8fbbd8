// `parley serve`: the workbench — the JSON API and the web UI over one corpus database.
import { once } from 'node:events';
import { DB_OPTION, DEFAULT_DB } from '../corpus/command-support.js';
import { SqliteStore } from '../corpus/sqlite-store.js';
import { createApp } from '../server/app.js';
import { runCommand, UsageError, type CommandSpec } from './args.js';

const SPEC: CommandSpec = {
  name: 'serve',
  synopsis: '[options]',
  description:
    'Serves the workbench (article reader, speakers, dyad timelines, issues, search, analyse) and its JSON API\n' +
    'under /api/ (documented at /api/openapi.json). Binds to loopback unless --host says otherwise.',
  options: {
    ...DB_OPTION,
    port: { type: 'string', short: 'p', value: 'N', help: 'port (default 8080; 0 picks a free one)' },
    host: { type: 'string', value: 'ADDR', help: 'address to bind (default 127.0.0.1)' },
  },
};

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const port = args.int('port', 0) ?? 8080;
    if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}`);
    const host = args.string('host') ?? '127.0.0.1';
    const store = SqliteStore.open(args.string('db') ?? DEFAULT_DB, { readonly: true });
    const server = createApp({ store });
    server.listen(port, host);
    await once(server, 'listening');
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`parley workbench: http://${host.includes(':') ? `[${host}]` : host}:${actual}/  (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    store.close();
    return 0;
  });
}
