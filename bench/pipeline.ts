// `npm run bench` (node dist/bench/pipeline.js [--articles=400] [--workers=1,2] [--source=examples|conll]):
// end-to-end `parley analyze --format jsonl` on a corpus generated from examples/ (or, with
// --source=conll, from CoNLL-2003 train documents in ../shared: real newswire vocabulary), with 1 and 2 worker
// threads (wall and CPU time from process start to exit, so start-up is included, and peak RSS);
// per-stage CPU time from an instrumented single-thread run; start-up time; and compromise on the
// same articles. Prints Markdown tables and writes the figures to
// bench/results/pipeline-<time>.json so runs can be compared.
//
// Each run is a fresh process, so its CPU time and peak RSS are its own. Speeds are given per wall
// second and per CPU second: on a shared machine wall time mostly measures the neighbours, CPU
// time measures parley.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { conllCorpus, generateCorpus, loadExampleArticles } from './corpus.js';
import { DEFAULT_TRAIN } from '../src/entities/ner/paths.js';
import type { ExitUsage } from './exit-usage.js';
import type { RunResult } from './pipeline-worker.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const option = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const count = Number(option('articles', '400'));
const workerCounts = option('workers', '1,2').split(',').map(Number);
if (!(count > 0) || workerCounts.some((w) => !(w > 0))) {
  throw new Error('usage: node dist/bench/pipeline.js [--articles=N] [--workers=1,2]');
}

// Goals of issue 9, on this 2-core machine.
const GOAL_MB_PER_CPU_SECOND = 1;
const GOAL_RATIO = 5;
const GOAL_RSS_MB = 300;
const GOAL_STARTUP_MS = 300;

/** One in-process run of bench/pipeline-worker.ts (per-stage timing, or compromise). */
function measuredRun(args: string[], corpus: string): RunResult {
  const r = spawnSync(process.execPath, [join(here, 'pipeline-worker.js'), ...args, `--corpus=${corpus}`], {
    encoding: 'utf8', maxBuffer: 1 << 24,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`benchmark run ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as RunResult;
}

/**
 * `parley analyze --format jsonl --workers W` on the corpus file, as a user runs it; the output
 * is read back and counted. Wall and CPU time run from process start to exit.
 */
function commandRun(workers: number, corpus: string, articles: number, bytes: number, tokens: number): RunResult {
  const hook = pathToFileURL(join(here, 'exit-usage.js')).href;
  const cli = join(root, 'dist', 'src', 'cli', 'main.js');
  const r = spawnSync(process.execPath, ['--import', hook, cli, 'analyze', '--format', 'jsonl', '--workers', String(workers), corpus], {
    encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const rows = r.stdout.split('\n').filter((l) => l.startsWith('{')).length;
  const usageLine = String(r.output[3] ?? '').trim();
  if (r.status !== 0 || rows !== articles || !usageLine.startsWith('{')) {
    throw new Error(`parley analyze --workers ${workers} failed (exit ${r.status}, ${rows} of ${articles} rows):\n${r.stderr.slice(-2000)}`);
  }
  const usage = JSON.parse(usageLine) as ExitUsage;
  return {
    engine: 'parley', workers, articles, bytes, wallMs: usage.wallMs, cpuMs: usage.cpuMs, startupIncluded: true,
    peakRssMb: usage.peakRssMb, tokens, entities: 0, quotes: 0, events: 0, stages: {},
  };
}

interface Startup {
  /** Milliseconds from process start until every stage is loaded (node's own boot included). */
  readyMs: number;
  /** Of which: importing and creating the pipeline, wall and CPU. */
  loadMs: number;
  loadCpuMs: number;
}

/** Start-up in fresh processes: the median of five. */
function startup(): Startup {
  const script = `
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const { Pipeline } = await import(${JSON.stringify(join(root, 'dist', 'src', 'pipeline.js'))});
    await Pipeline.create();
    const c = process.cpuUsage(c0);
    console.log(JSON.stringify({ readyMs: performance.now(), loadMs: performance.now() - t0, loadCpuMs: (c.user + c.system) / 1000 }));`;
  const runs: Startup[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`start-up run failed:\n${r.stderr.slice(-2000)}`);
    runs.push(JSON.parse(r.stdout.trim()) as Startup);
  }
  const median = (f: (s: Startup) => number) => runs.map(f).sort((a, b) => a - b)[runs.length >> 1]!;
  return { readyMs: median((s) => s.readyMs), loadMs: median((s) => s.loadMs), loadCpuMs: median((s) => s.loadCpuMs) };
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

const source = option('source', 'examples');
if (source !== 'examples' && source !== 'conll') throw new Error(`--source: expected examples or conll, got "${source}"`);
if (source === 'conll' && !existsSync(DEFAULT_TRAIN)) throw new Error(`--source=conll needs ${DEFAULT_TRAIN} (the shared data beside the repository)`);
const articles = source === 'conll' ? conllCorpus(DEFAULT_TRAIN, count) : generateCorpus(await loadExampleArticles(root), count);
const vocabulary = new Set(articles.flatMap((a) => a.text.toLowerCase().split(/[^\p{L}\p{N}']+/u))).size;
const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const mb = bytes / 1e6;
const words = articles.map((a) => a.text.split(/\s+/).length);
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const corpus = join(dir, 'corpus.jsonl');
writeFileSync(corpus, articles.map((a) => JSON.stringify({ id: a.id, date: a.date, text: a.text })).join('\n') + '\n');

let staged: RunResult;
let commands: RunResult[];
let compromise: RunResult;
let start: Startup;
try {
  staged = measuredRun(['--engine=stages'], corpus);
  commands = workerCounts.map((w) => commandRun(w, corpus, count, bytes, staged.tokens));
  compromise = measuredRun(['--engine=compromise'], corpus);
  start = startup();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const load = (() => {
  const l = loadavg();
  return `${fmt(l[0]!, 2)} ${fmt(l[1]!, 2)} ${fmt(l[2]!, 2)}`;
})();

const one = commands.find((r) => r.workers === 1) ?? commands[0]!;
const mbPerCpu = (r: RunResult) => mb / (r.cpuMs / 1000);
// Steady state against steady state: the per-stage run and compromise both exclude loading.
const ratioCpu = mbPerCpu(staged) / mbPerCpu(compromise);
const ratioWall = (mb / (staged.wallMs / 1000)) / (mb / (compromise.wallMs / 1000));
const stageTotal = Object.values(staged.stages).reduce((s, v) => s + v, 0);
const peakRss = Math.max(...commands.map((r) => r.peakRssMb));

const lines: string[] = [];
const sourceName = source === 'conll' ? 'CoNLL-2003 train documents (Reuters newswire)' : 'examples/';
lines.push(`corpus: ${count} articles generated from ${sourceName} (${fmt(mb, 2)} MB, ${Math.min(...words)}–${Math.max(...words)} words, ` +
  `${staged.tokens.toLocaleString('en-US')} tokens, ${vocabulary.toLocaleString('en-US')} distinct word forms); node ${process.version}; load average ${load}`);
lines.push('');
lines.push('| run | articles/s | MB/s | tokens/s | MB per CPU-second | peak RSS (MB) |');
lines.push('|---|---:|---:|---:|---:|---:|');
for (const r of [...commands, staged, compromise]) {
  const s = r.wallMs / 1000;
  const name = r.engine === 'compromise'
    ? 'compromise 14 (people, places, organisations, quotations), 1 thread, loading excluded'
    : r.startupIncluded
      ? `parley analyze --format jsonl, ${r.workers} worker${r.workers > 1 ? 's' : ''}, start-up included`
      : 'parley pipeline, 1 thread, loading excluded (per-stage run)';
  lines.push(`| ${name} | ${fmt(r.articles / s)} | ${fmt(mb / s, 2)} | ${fmt(r.tokens / s, 0)} | ${fmt(mbPerCpu(r), 2)} | ${fmt(r.peakRssMb, 0)} |`);
}
lines.push('');
lines.push('| stage (1 thread, CPU time) | CPU ms | share | articles/s | MB/s | tokens/s |');
lines.push('|---|---:|---:|---:|---:|---:|');
// Process CPU outside the timed spans (V8's GC and compiler threads are accounted partly there),
// so that the total is the run's whole CPU time, as in the table above.
const unattributed = Math.max(0, staged.cpuMs - stageTotal);
const stageRows: Array<readonly [string, number]> = [
  ...Object.entries(staged.stages), ['not attributed (GC and compiler threads)', unattributed], ['total', stageTotal + unattributed],
];
for (const [name, ms] of stageRows) {
  const s = ms / 1000;
  lines.push(`| ${name} | ${fmt(ms, 0)} | ${fmt((100 * ms) / (stageTotal + unattributed), 1)}% | ${fmt(count / s)} | ${fmt(mb / s, 2)} | ${fmt(staged.tokens / s, 0)} |`);
}
lines.push('');
const steady = (r: RunResult) => (r.secondHalf ? r.secondHalf.bytes / 1e6 / (r.secondHalf.cpuMs / 1000) : NaN);
const ratioSteady = steady(staged) / steady(compromise);
lines.push(`- steady state (second half of the corpus, 1 thread): parley ${fmt(steady(staged), 2)} MB per CPU-second, ` +
  `compromise ${fmt(steady(compromise), 2)}: ${fmt(ratioSteady, 2)}×`);
lines.push(`- parley (1 thread) / compromise: ${fmt(ratioCpu, 2)}× per CPU-second (${fmt(ratioWall, 2)}× per wall second), loading excluded for both`);
lines.push(`- start-up: ready ${fmt(start.readyMs, 0)} ms after process start; loading all stages ${fmt(start.loadMs, 0)} ms wall, ` +
  `${fmt(start.loadCpuMs, 0)} ms CPU (median of 5 fresh processes)`);
lines.push(`- goal ≥ ${GOAL_MB_PER_CPU_SECOND} MB/s per core: ${fmt(mbPerCpu(one), 2)} MB per CPU-second end-to-end (\`parley analyze\`, ` +
  `${one.workers} worker${one.workers > 1 ? 's' : ''}, start-up included; ${fmt(mbPerCpu(staged), 2)} loading excluded; ${fmt(steady(staged), 2)} steady state), ${mark(mbPerCpu(one) >= GOAL_MB_PER_CPU_SECOND)}`);
lines.push(`- goal ≥ ${GOAL_RATIO}× compromise: ${fmt(ratioCpu, 2)}×, ${mark(ratioCpu >= GOAL_RATIO)}`);
lines.push(`- goal peak RSS ≤ ${GOAL_RSS_MB} MB: ${fmt(peakRss, 0)} MB (\`parley analyze\`, ${commands.map((r) => r.workers).join(' and ')} workers), ${mark(peakRss <= GOAL_RSS_MB)}`);
lines.push(`- goal start-up ≤ ${GOAL_STARTUP_MS} ms: ${fmt(start.readyMs, 0)} ms, ${mark(start.readyMs <= GOAL_STARTUP_MS)}`);
console.log(lines.join('\n'));

const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outFile = join(outDir, `pipeline-${stamp}.json`);
writeFileSync(outFile, JSON.stringify({
  date: new Date().toISOString(), node: process.version, loadAverage: loadavg(),
  corpus: { source, articles: count, bytes, vocabulary, minWords: Math.min(...words), maxWords: Math.max(...words) },
  runs: [...commands, staged, compromise],
  ratio: { perCpuSecond: ratioCpu, perWallSecond: ratioWall, steadyPerCpuSecond: ratioSteady },
  startup: start,
  table: lines,
}, null, 2) + '\n');
console.log(`\nwrote ${outFile}`);
