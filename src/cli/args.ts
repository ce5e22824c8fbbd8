// Option parsing shared by the parley commands, over node:util parseArgs: one place for --help,
// usage errors (exit 2) and typed option values, so every command behaves the same way.
import { parseArgs } from 'node:util';
import { parsePartialDate } from '../ingest/dates.js';
import type { ReadOptions } from '../ingest/types.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Value placeholder and description, for the help text. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** e.g. "[inputs…] [options]" */
  synopsis: string;
  description: string;
  options: Record<string, OptionSpec>;
}

/** A wrong command line: reported with the usage and exit status 2. */
export class UsageError extends Error {}

/** Options every command that reads articles accepts (analyze, ingest). */
export const INPUT_OPTIONS: Record<string, OptionSpec> = {
  date: { type: 'string', value: 'YYYY-MM-DD', help: 'date for articles whose input gives none (plain text)' },
  'max-bytes': { type: 'string', value: 'N', help: 'skip articles whose text is over N bytes (default 2097152)' },
  'fetch-items': { type: 'boolean', help: "fetch each feed item's page for its full text" },
  timeout: { type: 'string', value: 'SECONDS', help: 'time limit for each http(s) request (default 20)' },
};

export const INPUTS_HELP =
  'Inputs: files, directories (read recursively), http(s) URLs, or - for stdin. Formats: the dated\n' +
  'record format (" date YYYY-MM-DD text…"), plain .txt, .jsonl/.ndjson, .html, RSS and Atom feeds,\n' +
  'and .gz of any of these.';

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return [flag, o.help] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([f]) => f.length));
  const lines = rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`);
  return `usage: parley ${spec.name} ${spec.synopsis}\n\n${spec.description}\n\noptions:\n${lines.join('\n')}\n`;
}

/** Parsed command line with typed accessors that throw UsageError on bad values. */
export class ParsedArgs {
  constructor(
    readonly values: Record<string, string | boolean | string[] | undefined>,
    readonly positionals: string[],
  ) {}

  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  strings(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** A whole number within [min, max]. */
  int(name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not '${v}'`);
    }
    return n;
  }

  /** A positive number, fractions allowed (seconds, say). */
  number(name: string): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, not '${v}'`);
    return n;
  }

  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const d = /^\d{4}(-\d{2}){0,2}$/.test(v.trim()) ? parsePartialDate(v) : null;
    if (!d) throw new UsageError(`--${name} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '${v}'`);
    return d;
  }

  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!(choices as readonly string[]).includes(v)) {
      throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not '${v}'`);
    }
    return v as T;
  }

  /** The reading options of INPUT_OPTIONS. */
  readOptions(): ReadOptions {
    const timeout = this.number('timeout');
    return {
      date: this.date('date') ?? null,
      maxBytes: this.int('max-bytes', 1),
      fetchItems: this.flag('fetch-items'),
      timeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
    };
  }
}

/**
 * Runs a command body with its parsed arguments. `--help` prints the help (exit 0); a wrong
 * command line prints the problem and the help on stderr (exit 2).
 */
export async function runCommand(
  spec: CommandSpec,
  argv: string[],
  body: (args: ParsedArgs) => Promise<number>,
): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(helpText(spec));
      return 0;
    }
    return await body(new ParsedArgs(values as ParsedArgs['values'], positionals));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`parley ${spec.name}: ${(err as Error).message}\n\n${helpText(spec)}`);
      return 2;
    }
    throw err;
  }
}
