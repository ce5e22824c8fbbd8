// `parley analyze`: read articles, run the pipeline on each, print the dossier, JSON or JSONL.
import { once } from 'node:events';
import { readInputs } from '../ingest/read.js';
import { IngestTally } from '../ingest/tally.js';
import { isSkip, skip } from '../ingest/types.js';
import { AnalysisPool } from '../corpus/analysis-pool.js';
import type { Analysis, Article } from '../types.js';
import { INPUT_OPTIONS, INPUTS_HELP, runCommand, UsageError, type CommandSpec } from './args.js';
import { formatDossier } from './dossier.js';

const FORMATS = ['text', 'json', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

const SPEC: CommandSpec = {
  name: 'analyze',
  synopsis: '[inputs…] [options]',
  description:
    'Analyse each article: entities, statements, events, issues, with offsets into its text.\n' +
    'Output: a readable dossier (text, the default on a terminal), one JSON object per article\n' +
    '(jsonl, the default when output is piped), or one JSON array (json). With no inputs, reads stdin.\n' +
    INPUTS_HELP,
  options: {
    format: { type: 'string', short: 'f', value: 'text|json|jsonl', help: 'output format' },
    issues: { type: 'string', value: 'FILE', help: 'issue taxonomy to use instead of / on top of the default' },
    workers: { type: 'string', value: 'N', help: 'analysis threads, output kept in input order (default 0: this thread)' },
    ...INPUT_OPTIONS,
  },
};

/** Writes to stdout with backpressure; stops quietly when the reader goes away (`| head`). */
class Output {
  closed = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      this.closed = true;
    });
  }

  async write(chunk: string): Promise<void> {
    if (this.closed) return;
    if (this.stream.write(chunk)) return;
    // `once` rejects on the stream's EPIPE error, which the constructor's handler has already marked.
    await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]).catch((err: unknown) => {
      if (!this.closed) throw err;
    });
  }
}

/** One article's output; JSONL rows come ready-made from the analysis threads. */
function render(format: Format, value: Analysis | string, index: number): string {
  if (typeof value === 'string') return `${value}\n`;
  switch (format) {
    case 'jsonl':
      return `${JSON.stringify(value)}\n`;
    case 'json':
      return `${index === 0 ? '[\n' : ',\n'}${JSON.stringify(value, null, 2)}`;
    case 'text':
      return `${index === 0 ? '' : '\n'}${formatDossier(value)}`;
  }
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(SPEC, argv, async (args) => {
    const format = args.choice('format', FORMATS) ?? (process.stdout.isTTY ? 'text' : 'jsonl');
    const readOptions = args.readOptions();
    let inputs = args.positionals;
    if (inputs.length === 0) {
      if (process.stdin.isTTY) throw new UsageError('no inputs: give files, directories or URLs, or - to read stdin');
      inputs = ['-'];
    }
    const issuesFile = args.string('issues');
    const workers = args.int('workers', 0, 256) ?? 0;
    const pool = await AnalysisPool.start(workers, {
      pipeline: issuesFile ? { issuesFile } : {},
      output: format === 'jsonl' ? 'jsonl' : 'analysis',
    });
    const out = new Output(process.stdout);
    const tally = new IngestTally((line) => process.stderr.write(line));
    async function* articles(): AsyncGenerator<Article> {
      for await (const result of readInputs(inputs, readOptions)) {
        if (isSkip(result)) tally.skip(result);
        else yield result;
      }
    }

    try {
      for await (const { origin, result } of pool.inOrder(articles())) {
        if (!result.ok) {
          // One article that breaks a stage must not stop the others; it is reported like bad input.
          tally.skip(skip(origin, 'analysis failed', `analysis failed: ${result.error}`));
          continue;
        }
        await out.write(render(format, result.value as Analysis | string, tally.analysed));
        tally.analysed++;
        if (out.closed) break;
      }
    } finally {
      await pool.close();
    }
    if (format === 'json') await out.write(tally.analysed === 0 ? '[]\n' : '\n]\n');
    process.stderr.write(`parley analyze: ${tally.summary()}\n`);
    return tally.exitCode;
  });
}
