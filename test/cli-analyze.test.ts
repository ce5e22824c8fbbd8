import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Analysis } from '../src/types.js';
import { repoPath, repoRoot, SHARED_ABSENT, seedPath } from './helpers.js';
import { example, fixture } from './ingest-helpers.js';

const CLI = repoPath('dist', 'src', 'cli', 'main.js');
const CONTRACT = ['id', 'date', 'text', 'entities', 'quotes', 'events', 'issues'];

function parley(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: repoRoot, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Analysis[] {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Analysis);
}

test('the package bin runs as the README calls it (npx parley), built and executable', () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`);
  const r = spawnSync('npx', ['--no-install', 'parley', '--help'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /usage: parley <command>/);
  assert.match(r.stdout, /analyze/);
});

test('analyze --format jsonl: one contract object per article, in input order, text byte for byte', () => {
  const file = example('jsonl', 'wire-2025.jsonl');
  const { code, stdout, stderr } = parley(['analyze', '--format', 'jsonl', file]);
  assert.equal(code, 0, stderr);
  const out = jsonLines(stdout);
  const input = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; date: string; text: string });
  assert.deepEqual(out.map((a) => a.id), input.map((r) => r.id));
  assert.deepEqual(out.map((a) => a.date), input.map((r) => r.date));
  assert.deepEqual(out.map((a) => a.text), input.map((r) => r.text));
  for (const a of out) for (const field of CONTRACT) assert.ok(field in a, `missing ${field}`);
  assert.match(stderr, /3 analysed, 0 skipped/);
});

test('analyze --format jsonl on the reference article: one line, right date and text', (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const { code, stdout, stderr } = parley(['analyze', '--format', 'jsonl', seedPath]);
  assert.equal(code, 0, stderr);
  const out = jsonLines(stdout);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.date, '2025-04-04');
  assert.ok(out[0]!.text.startsWith('Russia and the US'));
  assert.ok(out[0]!.text.includes('\n\n'));
});

test('analyze --workers 2: the same rows in the same order as on the main thread, skips still named', (t) => {
  const inputs = [repoPath('examples'), fixture('bad'), ...(seedPath ? [seedPath] : [])];
  const main = parley(['analyze', '--format', 'jsonl', '--workers', '0', ...inputs]);
  const threads = parley(['analyze', '--format', 'jsonl', '--workers', '2', ...inputs]);
  assert.equal(threads.code, main.code, threads.stderr);
  assert.ok(jsonLines(main.stdout).length > 10);
  assert.equal(threads.stdout, main.stdout);
  assert.equal(threads.stderr, main.stderr);
  if (!seedPath) t.diagnostic(SHARED_ABSENT);
});

test('bad input: each skip named on stderr, the rest analysed, summary, exit code 1', () => {
  const bad = fixture('bad');
  const { code, stdout, stderr } = parley(['analyze', '--format', 'jsonl', bad, example('records', 'wire-briefs-one-per-line.txt')]);
  assert.equal(code, 1);
  const out = jsonLines(stdout);
  assert.deepEqual(out.map((a) => a.id).slice(0, 2), ['ok-1', 'ok-2']);
  assert.deepEqual(out.map((a) => a.date), ['2025-03-01', '2025-03-05', '2025-05-19', '2025-06-02']);
  assert.match(stderr, /skipped .*mixed\.jsonl:2: malformed JSON/);
  assert.match(stderr, /skipped .*mixed\.jsonl:4: date "March the third" is not a date/);
  assert.match(stderr, /skipped .*empty\.txt: file is empty/);
  assert.match(stderr, /4 analysed, 7 skipped \(2 empty, 2 missing text, 2 malformed JSON, 1 bad date\)/);
});

test('stdin, the default jsonl when piped, and --date for plain text', () => {
  const { code, stdout } = parley(['analyze', '--date', '2025-06-01'], 'Envoys met in Geneva on Monday, officials said.\n');
  assert.equal(code, 0);
  const [a] = jsonLines(stdout);
  assert.equal(a!.date, '2025-06-01');
  assert.equal(a!.text, 'Envoys met in Geneva on Monday, officials said.');
  const dash = parley(['analyze', '-f', 'jsonl', '-'], ' date 2025-02 Piped record.\n');
  assert.equal(jsonLines(dash.stdout)[0]!.date, '2025-02');
});

test('analyze the examples directory: json array and the text dossier', () => {
  const json = parley(['analyze', '--format', 'json', example()]);
  assert.equal(json.code, 0, json.stderr);
  const all = JSON.parse(json.stdout) as Analysis[];
  assert.equal(all.length, 16);
  assert.ok(all.some((a) => a.source === 'Example Daily' && a.boilerplate.length > 0));

  const text = parley(['analyze', '--format', 'text', example('html', 'doha-ceasefire-deal.html')]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Mediators announce Gaza ceasefire and hostage deal after Doha talks/);
  assert.match(text.stdout, /2025-01-16 · Example Daily · https:\/\/daily\.example\.com/);
  for (const section of ['Who is in it', 'Who said what', 'Events', 'Issues']) assert.ok(text.stdout.includes(section), section);
});

test('usage errors exit 2 with a message; --help exits 0', () => {
  assert.equal(parley(['analyze', '--help']).code, 0);
  const badFormat = parley(['analyze', '--format', 'xml', example()]);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format must be one of text, json, jsonl/);
  const badDate = parley(['analyze', '--date', '2025-02-30', example()]);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--date must be a date/);
  assert.equal(parley(['analyze', '--no-such-option']).code, 2);
});

test('--max-bytes sets the size limit; over-size articles are skipped and counted', () => {
  const { code, stdout, stderr } = parley(['analyze', '-f', 'jsonl', '--max-bytes', '1120', example('records', 'wire-briefs-one-per-line.txt')]);
  assert.equal(code, 1);
  assert.deepEqual(jsonLines(stdout).map((a) => a.date), ['2025-06-02']);
  assert.match(stderr, /wire-briefs-one-per-line\.txt:1 \(record 1\): article text is \d+ bytes, above the 1120-byte limit/);
  assert.match(stderr, /1 analysed, 1 skipped \(1 over size limit\)/);
});
