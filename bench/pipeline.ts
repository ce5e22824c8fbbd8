// `npm run bench`: end-to-end analysis speed on a generated corpus, per stage, with 1 and 2
// workers, peak RSS and start-up time, beside compromise on the same articles.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import nlp from 'compromise';
import { readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/types.js';
import { generateCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const count = Number(process.argv.find((a) => a.startsWith('--articles='))?.split('=')[1] ?? 400);

interface WorkerResult {
  ms: number;
  tokens: number;
  quotes: number;
  events: number;
  stages: Record<string, number>;
}

async function loadSeeds(): Promise<Article[]> {
  const seeds: Article[] = [];
  for await (const item of readInputs([join(root, 'examples')], {})) if ('text' in item) seeds.push(item);
  return seeds;
}

function runWorkers(articles: Article[], workers: number): Promise<WorkerResult[]> {
  const shares: Article[][] = Array.from({ length: workers }, () => []);
  articles.forEach((a, i) => shares[i % workers]!.push(a));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<WorkerResult>((resolve, reject) => {
          const w = new Worker(join(here, 'pipeline-worker.js'), { workerData: { articles: share } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
}

function startupMs(): number {
  const script = `const t=performance.now();const {Pipeline}=await import(${JSON.stringify(join(root, 'dist/src/pipeline.js'))});await Pipeline.create();console.log(performance.now()-t)`;
  const runs = [0, 1, 2].map(() => Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout.trim()));
  return Math.min(...runs);
}

function compromiseRun(articles: Article[]): number {
  const t0 = performance.now();
  for (const a of articles) {
    const doc = nlp(a.text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    doc.quotations().out('array');
  }
  return performance.now() - t0;
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const seeds = await loadSeeds();
const articles = generateCorpus(seeds, count);
const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const mb = bytes / 1e6;
const results: Record<string, unknown> = { articles: count, mb, node: process.version, date: new Date().toISOString() };

const rows: string[][] = [];
for (const workers of [1, 2]) {
  const t0 = performance.now();
  const parts = await runWorkers(articles, workers);
  const wall = (performance.now() - t0) / 1000;
  const tokens = parts.reduce((s, p) => s + p.tokens, 0);
  rows.push([`parley, ${workers} worker${workers > 1 ? 's' : ''}`, fmt(count / wall), fmt(mb / wall, 2), fmt(tokens / wall, 0)]);
  results[`workers${workers}`] = { wallSeconds: wall, articlesPerSecond: count / wall, mbPerSecond: mb / wall, tokensPerSecond: tokens / wall, quotes: parts.reduce((s, p) => s + p.quotes, 0), events: parts.reduce((s, p) => s + p.events, 0) };
  if (workers === 1) {
    const stages = parts[0]!.stages;
    results.stages = Object.fromEntries(Object.entries(stages).map(([k, ms]) => [k, { ms, mbPerSecond: mb / (ms / 1000) }]));
  }
}
const compromiseSeconds = compromiseRun(articles) / 1000;
rows.push(['compromise 14 (people, places, orgs, quotations), 1 thread', fmt(count / compromiseSeconds), fmt(mb / compromiseSeconds, 2), '—']);
const parleyOne = (results.workers1 as { mbPerSecond: number }).mbPerSecond;
results.compromise = { seconds: compromiseSeconds, mbPerSecond: mb / compromiseSeconds, parleyRatio: parleyOne / (mb / compromiseSeconds) };
results.peakRssMb = process.resourceUsage().maxRSS / 1024;
results.startupMs = startupMs();

console.log(`corpus: ${count} generated articles, ${fmt(mb, 2)} MB (from examples/)`);
console.log('| run | articles/s | MB/s | tokens/s |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\n| stage (1 worker) | ms | MB/s |\n|---|---:|---:|');
for (const [k, v] of Object.entries(results.stages as Record<string, { ms: number; mbPerSecond: number }>)) console.log(`| ${k} | ${fmt(v.ms, 0)} | ${fmt(v.mbPerSecond, 2)} |`);
console.log(`\nparley (1 worker) / compromise speed: ${fmt((results.compromise as { parleyRatio: number }).parleyRatio, 2)}×`);
console.log(`peak RSS: ${fmt(results.peakRssMb as number, 0)} MB; start-up (load all models and lexicons): ${fmt(results.startupMs as number, 0)} ms`);
const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, `pipeline-${Date.now()}.json`);
writeFileSync(outFile, JSON.stringify(results, null, 2));
console.log(`wrote ${outFile}`);
