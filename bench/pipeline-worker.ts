// One measured in-process run of the pipeline benchmark, in a process of its own so that its
// CPU time and peak RSS are its own:
//   node dist/bench/pipeline-worker.js --engine=stages --corpus=FILE.jsonl
//   node dist/bench/pipeline-worker.js --engine=compromise --corpus=FILE.jsonl
// It prints one JSON RunResult line. `stages` builds the pipeline on this thread and times each
// stage and the JSONL output (Analysis built and serialised) per article in CPU time; with one
// thread doing all the work, process CPU time is that thread's (plus V8's helper threads: GC and
// compilation, which the work causes). The end-to-end runs of `parley analyze` are measured by
// bench/pipeline.ts itself.
import { readInputs } from '../src/ingest/read.js';
import { Doc } from '../src/doc.js';
import { Pipeline, toAnalysis } from '../src/pipeline.js';
import type { Article } from '../src/types.js';

/** What one benchmark process measured. */
export interface RunResult {
  engine: 'parley' | 'compromise';
  /** Analysis threads (0: the main thread does it all, as in the per-stage run). */
  workers: number;
  articles: number;
  bytes: number;
  /** Wall milliseconds of the run (see `startupIncluded`). */
  wallMs: number;
  /** CPU milliseconds of the whole process over the same span (all threads, GC included). */
  cpuMs: number;
  /** True when wall and CPU time include loading (end-to-end command runs). */
  startupIncluded: boolean;
  peakRssMb: number;
  tokens: number;
  entities: number;
  quotes: number;
  events: number;
  /** Per-stage CPU milliseconds, plus "jsonl" (the per-stage run only). */
  stages: Record<string, number>;
  /**
   * Bytes and process CPU milliseconds of the second half of the articles: the steady state,
   * once V8 has compiled the hot code and the per-word caches are warm (in-process runs only).
   */
  secondHalf?: { bytes: number; cpuMs: number };
}

/** Marks where the second half of the articles starts, for RunResult.secondHalf. */
class HalfClock {
  private c = 0;
  private bytes = 0;
  constructor(private readonly articles: Article[]) {}

  /** Call before article i. */
  at(i: number, article: Article): void {
    if (i === this.articles.length >> 1) this.c = cpuNow();
    if (i >= this.articles.length >> 1) this.bytes += Buffer.byteLength(article.text);
  }

  result(): { bytes: number; cpuMs: number } {
    return { bytes: this.bytes, cpuMs: cpuNow() - this.c };
  }
}

function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function option(name: string): string {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (value === undefined) throw new Error(`usage: node dist/bench/pipeline-worker.js --engine=stages|compromise --corpus=FILE.jsonl (missing --${name})`);
  return value;
}

/** The corpus as `parley analyze` reads it (so the article fields, boilerplate included, are the same). */
async function readCorpus(path: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const item of readInputs([path], {})) {
    if (!('text' in item)) throw new Error(`benchmark corpus: ${item.origin}: ${item.reason}`);
    articles.push(item);
  }
  return articles;
}

/** The pipeline on this thread, each stage and the JSONL output timed per article in CPU time. */
async function runStages(articles: Article[], bytes: number): Promise<RunResult> {
  const pipeline = await Pipeline.create();
  const stages: Record<string, number> = Object.fromEntries([...pipeline.stages.map((s) => [s.name, 0]), ['jsonl', 0]]);
  const out: RunResult = {
    engine: 'parley', workers: 0, articles: articles.length, bytes, wallMs: 0, cpuMs: 0, startupIncluded: false,
    peakRssMb: 0, tokens: 0, entities: 0, quotes: 0, events: 0, stages,
  };
  const t0 = performance.now();
  const c0 = cpuNow();
  let outputChars = 0;
  const half = new HalfClock(articles);
  for (const [i, article] of articles.entries()) {
    half.at(i, article);
    const doc = new Doc(article);
    for (const stage of pipeline.stages) {
      const c = cpuNow();
      stage.run(doc);
      stages[stage.name]! += cpuNow() - c;
    }
    const c = cpuNow();
    outputChars += JSON.stringify(toAnalysis(doc)).length + 1;
    stages.jsonl! += cpuNow() - c;
    out.tokens += doc.tokens.length;
    out.entities += doc.entities.length;
    out.quotes += doc.quotes.length;
    out.events += doc.events.length;
  }
  out.secondHalf = half.result();
  out.wallMs = performance.now() - t0;
  out.cpuMs = cpuNow() - c0;
  out.peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (outputChars === 0 && articles.length > 0) throw new Error('benchmark: the analyses serialised to nothing');
  return out;
}

/** compromise on the same articles: people, places, organisations and quotations, in this thread. */
async function runCompromise(articles: Article[], bytes: number): Promise<RunResult> {
  const nlp = (await import('compromise')).default;
  const t0 = performance.now();
  const c0 = cpuNow();
  let tokens = 0;
  let entities = 0;
  let quotes = 0;
  const half = new HalfClock(articles);
  for (const [i, a] of articles.entries()) {
    half.at(i, a);
    const doc = nlp(a.text);
    tokens += doc.terms().length;
    entities += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    quotes += doc.quotations().out('array').length;
  }
  return {
    engine: 'compromise', workers: 0, articles: articles.length, bytes, startupIncluded: false,
    wallMs: performance.now() - t0, cpuMs: cpuNow() - c0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    tokens, entities, quotes, events: 0, stages: {}, secondHalf: half.result(),
  };
}

const engine = option('engine');
const articles = await readCorpus(option('corpus'));
const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const result = engine === 'compromise' ? await runCompromise(articles, bytes) : await runStages(articles, bytes);
process.stdout.write(JSON.stringify(result) + '\n');
