// `npm run bench` (node dist/bench/pipeline.js [--articles=400] [--workers=1,2]): end-to-end analysis
// speed on a corpus generated from examples/, overall and per stage, with 1 and 2 worker threads,
// peak RSS and start-up time, beside compromise on the same articles. Prints Markdown tables and
// writes the figures to bench/results/pipeline-<time>.json so runs can be compared.
//
// Each run is a fresh process (bench/pipeline-worker.ts), so peak RSS is that run's own. Speeds
// are given per wall second and per CPU second: on a shared machine wall time mostly measures
// the neighbours, CPU time measures parley.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, loadExampleArticles } from './corpus.js';
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

function measuredRun(args: string[]): RunResult {
  const r = spawnSync(process.execPath, [join(here, 'pipeline-worker.js'), ...args, `--articles=${count}`], {
    encoding: 'utf8', maxBuffer: 1 << 24,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`benchmark run ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as RunResult;
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

const articles = generateCorpus(await loadExampleArticles(root), count);
const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const mb = bytes / 1e6;
const words = articles.map((a) => a.text.split(/\s+/).length);

const parley = workerCounts.map((w) => measuredRun(['--engine=parley', `--workers=${w}`]));
const compromise = measuredRun(['--engine=compromise']);
const start = startup();
const load = (() => {
  const l = loadavg();
  return `${fmt(l[0]!, 2)} ${fmt(l[1]!, 2)} ${fmt(l[2]!, 2)}`;
})();

const one = parley.find((r) => r.workers === 1) ?? parley[0]!;
const mbPerCpu = (r: RunResult) => mb / (r.cpuMs / 1000);
const ratioCpu = mbPerCpu(one) / mbPerCpu(compromise);
const ratioWall = (mb / (one.wallMs / 1000)) / (mb / (compromise.wallMs / 1000));
const stageTotal = Object.values(one.stages).reduce((s, v) => s + v, 0);
const peakRss = Math.max(...parley.map((r) => r.peakRssMb));

const lines: string[] = [];
lines.push(`corpus: ${count} articles generated from examples/ (${fmt(mb, 2)} MB, ${Math.min(...words)}–${Math.max(...words)} words, ` +
  `${one.tokens.toLocaleString('en-US')} tokens); node ${process.version}; load average ${load}`);
lines.push('');
lines.push('| run | articles/s | MB/s | tokens/s | MB per CPU-second | peak RSS (MB) |');
lines.push('|---|---:|---:|---:|---:|---:|');
for (const r of [...parley, compromise]) {
  const s = r.wallMs / 1000;
  const name = r.engine === 'parley'
    ? `parley, ${r.workers} worker${r.workers > 1 ? 's' : ''}`
    : 'compromise 14 (people, places, organisations, quotations), 1 thread';
  lines.push(`| ${name} | ${fmt(r.articles / s)} | ${fmt(mb / s, 2)} | ${fmt(r.tokens / s, 0)} | ${fmt(mbPerCpu(r), 2)} | ${fmt(r.peakRssMb, 0)} |`);
}
lines.push('');
lines.push('| stage (1 worker, CPU time) | CPU ms | share | articles/s | MB/s | tokens/s |');
lines.push('|---|---:|---:|---:|---:|---:|');
for (const [name, ms] of [...Object.entries(one.stages), ['total', stageTotal] as const]) {
  const s = ms / 1000;
  lines.push(`| ${name} | ${fmt(ms, 0)} | ${fmt((100 * ms) / stageTotal, 1)}% | ${fmt(count / s)} | ${fmt(mb / s, 2)} | ${fmt(one.tokens / s, 0)} |`);
}
lines.push('');
lines.push(`- parley (1 worker) / compromise: ${fmt(ratioCpu, 2)}× per CPU-second (${fmt(ratioWall, 2)}× per wall second)`);
lines.push(`- start-up: ready ${fmt(start.readyMs, 0)} ms after process start; loading all stages ${fmt(start.loadMs, 0)} ms wall, ` +
  `${fmt(start.loadCpuMs, 0)} ms CPU (median of 5 fresh processes)`);
lines.push(`- goal ≥ ${GOAL_MB_PER_CPU_SECOND} MB/s per core: ${fmt(mbPerCpu(one), 2)} MB per CPU-second, ${mark(mbPerCpu(one) >= GOAL_MB_PER_CPU_SECOND)}`);
lines.push(`- goal ≥ ${GOAL_RATIO}× compromise: ${fmt(ratioCpu, 2)}×, ${mark(ratioCpu >= GOAL_RATIO)}`);
lines.push(`- goal peak RSS ≤ ${GOAL_RSS_MB} MB: ${fmt(peakRss, 0)} MB, ${mark(peakRss <= GOAL_RSS_MB)}`);
lines.push(`- goal start-up ≤ ${GOAL_STARTUP_MS} ms: ${fmt(start.readyMs, 0)} ms, ${mark(start.readyMs <= GOAL_STARTUP_MS)}`);
console.log(lines.join('\n'));

const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outFile = join(outDir, `pipeline-${stamp}.json`);
writeFileSync(outFile, JSON.stringify({
  date: new Date().toISOString(), node: process.version, loadAverage: loadavg(),
  corpus: { articles: count, bytes, minWords: Math.min(...words), maxWords: Math.max(...words) },
  runs: [...parley, compromise],
  ratio: { perCpuSecond: ratioCpu, perWallSecond: ratioWall },
  startup: start,
  table: lines,
}, null, 2) + '\n');
console.log(`\nwrote ${outFile}`);
