// One measured run of the pipeline benchmark, in a process of its own so that its peak RSS
// and CPU time are its own:
//   node dist/bench/pipeline-worker.js --engine=parley --workers=W --articles=N
//   node dist/bench/pipeline-worker.js --engine=compromise --articles=N
// It prints one JSON RunResult line. With parley, W worker threads (the model `parley analyze`
// and `parley ingest` use) each build the pipeline once and analyse every W-th article; each
// stage and the JSONL output are timed per article in CPU time, which stays meaningful when other
// work shares the machine (it is process CPU, so per-stage figures are only exact with one worker).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Doc } from '../src/doc.js';
import { Pipeline, toAnalysis } from '../src/pipeline.js';
import type { Article } from '../src/types.js';
import { generateCorpus, loadExampleArticles } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** What one worker thread measured. */
export interface ShareResult {
  articles: number;
  tokens: number;
  entities: number;
  quotes: number;
  events: number;
  /** CPU milliseconds per stage, plus "jsonl" (Analysis built and serialised). */
  cpuMs: Record<string, number>;
  /** Wall milliseconds from the first article to the last. */
  wallMs: number;
}

/** What one benchmark process measured. */
export interface RunResult {
  engine: 'parley' | 'compromise';
  workers: number;
  articles: number;
  bytes: number;
  /** Wall milliseconds from sending the first article to the last result (loading excluded). */
  wallMs: number;
  /** CPU milliseconds of the whole process over the same span (all threads, GC included). */
  cpuMs: number;
  /** Wall milliseconds to load the pipeline (or library) in every worker. */
  loadMs: number;
  peakRssMb: number;
  tokens: number;
  entities: number;
  quotes: number;
  events: number;
  /** Per-stage CPU milliseconds (parley, summed over workers). */
  stages: Record<string, number>;
}

function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function option(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

/** Thread side: build the pipeline, wait for the go signal, analyse the share, report. */
async function runShare(articles: Article[]): Promise<void> {
  const pipeline = await Pipeline.create();
  parentPort!.postMessage({ ready: true });
  await new Promise((resolve) => parentPort!.once('message', resolve));
  const cpuMs: Record<string, number> = Object.fromEntries([...pipeline.stages.map((s) => [s.name, 0]), ['jsonl', 0]]);
  const out: ShareResult = { articles: articles.length, tokens: 0, entities: 0, quotes: 0, events: 0, cpuMs, wallMs: 0 };
  const t0 = performance.now();
  let outputChars = 0;
  for (const article of articles) {
    const doc = new Doc(article);
    for (const stage of pipeline.stages) {
      const c = cpuNow();
      stage.run(doc);
      cpuMs[stage.name]! += cpuNow() - c;
    }
    const c = cpuNow();
    outputChars += JSON.stringify(toAnalysis(doc)).length + 1;
    cpuMs.jsonl! += cpuNow() - c;
    out.tokens += doc.tokens.length;
    out.entities += doc.entities.length;
    out.quotes += doc.quotes.length;
    out.events += doc.events.length;
  }
  out.wallMs = performance.now() - t0;
  if (outputChars === 0 && articles.length > 0) throw new Error('benchmark: the analyses serialised to nothing');
  parentPort!.postMessage(out);
}

function startWorker(articles: Article[]): { worker: Worker; ready: Promise<void>; done: Promise<ShareResult> } {
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { articles } });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<ShareResult>((resolve, reject) => {
    worker.on('message', (m: ShareResult | { ready: true }) => ('ready' in m ? markReady() : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`benchmark worker exited with code ${code}`)));
  });
  return { worker, ready, done };
}

async function runParley(articles: Article[], bytes: number, workers: number): Promise<RunResult> {
  const shares: Article[][] = Array.from({ length: workers }, () => []);
  articles.forEach((a, i) => shares[i % workers]!.push(a));
  const l0 = performance.now();
  const started = shares.map(startWorker);
  await Promise.all(started.map((s) => s.ready));
  const loadMs = performance.now() - l0;
  const t0 = performance.now();
  const c0 = cpuNow();
  for (const s of started) s.worker.postMessage('go');
  const parts = await Promise.all(started.map((s) => s.done));
  const wallMs = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  await Promise.all(started.map((s) => s.worker.terminate()));
  const stages: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.cpuMs)) stages[k] = (stages[k] ?? 0) + v;
  const sum = (f: (p: ShareResult) => number) => parts.reduce((s, p) => s + f(p), 0);
  return {
    engine: 'parley', workers, articles: articles.length, bytes, wallMs, cpuMs, loadMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    tokens: sum((p) => p.tokens), entities: sum((p) => p.entities), quotes: sum((p) => p.quotes), events: sum((p) => p.events),
    stages,
  };
}

/** compromise on the same articles: people, places, organisations and quotations, in this thread. */
async function runCompromise(articles: Article[], bytes: number): Promise<RunResult> {
  const l0 = performance.now();
  const nlp = (await import('compromise')).default;
  const loadMs = performance.now() - l0;
  const t0 = performance.now();
  const c0 = cpuNow();
  let tokens = 0;
  let entities = 0;
  let quotes = 0;
  for (const a of articles) {
    const doc = nlp(a.text);
    tokens += doc.terms().length;
    entities += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    quotes += doc.quotations().out('array').length;
  }
  return {
    engine: 'compromise', workers: 1, articles: articles.length, bytes,
    wallMs: performance.now() - t0, cpuMs: cpuNow() - c0, loadMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    tokens, entities, quotes, events: 0, stages: {},
  };
}

if (!isMainThread) {
  await runShare((workerData as { articles: Article[] }).articles);
} else {
  const engine = option('engine', 'parley');
  const count = Number(option('articles', '400'));
  const workers = Number(option('workers', '1'));
  const articles = generateCorpus(await loadExampleArticles(root), count);
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  const result = engine === 'compromise' ? await runCompromise(articles, bytes) : await runParley(articles, bytes, workers);
  process.stdout.write(JSON.stringify(result) + '\n');
}
