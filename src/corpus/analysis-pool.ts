import { Worker } from 'node:worker_threads';
import type { NerModelArrays } from '../entities/ner/index.js';
import { Pipeline, type PipelineOptions } from '../pipeline.js';
import type { Analysis, Article } from '../types.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';

// Analysis on worker threads (or the calling thread), results handed back in input order with
// bounded memory. Shared by `parley ingest` (prepared for the store) and `parley analyze` (JSONL).

/** What a worker returns per article: prepared for the store, one JSONL row, or the analysis. */
export type WorkOutput = 'prepared' | 'jsonl' | 'analysis';

export interface WorkRequest {
  seq: number;
  article: Article;
}

export type WorkValue = PreparedArticle | string | Analysis;

export type WorkResult =
  | { seq: number; ok: true; value: WorkValue }
  | { seq: number; ok: false; error: string };

export interface WorkerSetup {
  pipeline: PipelineOptions;
  output: WorkOutput;
  /** NER weights in shared memory, loaded once by the main thread for all workers. */
  nerModel?: NerModelArrays;
}

/** One article's work, the same on a worker thread and on the calling thread. */
export function work(pipeline: Pipeline, output: WorkOutput, req: WorkRequest): WorkResult {
  try {
    const analysis = pipeline.analyze(req.article);
    const value = output === 'prepared' ? prepareArticle(analysis) : output === 'jsonl' ? JSON.stringify(analysis) : analysis;
    return { seq: req.seq, ok: true, value };
  } catch (err) {
    return { seq: req.seq, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Under tsx (development) this module is a .ts file: so is the worker, which then needs tsx too. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(setup: WorkerSetup): Worker {
  const url = new URL(`./analysis-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);
  const options = { workerData: setup };
  if (!FROM_SOURCE) return new Worker(url, options);
  // Loader flags do not reach worker threads on Node 20: register tsx inside the worker first.
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

export interface InOrderOptions {
  /** Most articles between reading and the consumer (default 32 per thread, 2 on the calling thread). */
  maxInFlight?: number;
  /**
   * Most text characters between reading and the consumer (default 2 Mi, about the largest article
   * read by default; an article is always sent when nothing else is in flight). News never reaches
   * it; very long documents are analysed one at a time, as each holds hundreds of MB meanwhile.
   */
  maxInFlightChars?: number;
}

/** An article's result, with the article's origin for error messages. */
export interface OrderedResult {
  origin: string;
  result: WorkResult;
}

/** Worker threads (or, with 0 workers, the calling thread) that analyse articles. */
export class AnalysisPool {
  private onResult: (r: WorkResult) => void = () => {};
  private onError: (e: Error) => void = () => {};
  /** Articles queued per worker: each new one goes to the least loaded. */
  private load: number[] = [];

  private constructor(
    private readonly workers: Worker[],
    private readonly inline: Pipeline | null,
    private readonly output: WorkOutput,
  ) {}

  /** Starts `workers` threads (0: analyse on this thread), each building the pipeline once. */
  static async start(workers: number, setup: WorkerSetup): Promise<AnalysisPool> {
    if (workers <= 0) return new AnalysisPool([], await Pipeline.create(setup.pipeline), setup.output);
    if (!setup.pipeline.only || setup.pipeline.only.includes('entities')) {
      // The largest model: one copy in shared memory instead of one per thread.
      const { loadNerModel } = await import('../entities/ner/index.js');
      setup = { ...setup, nerModel: loadNerModel(undefined, { shared: true }).arrays() };
    }
    const pool = new AnalysisPool([], null, setup.output);
    pool.load = new Array<number>(workers).fill(0);
    const started: Worker[] = [];
    const ready = Array.from({ length: workers }, (_, i) =>
      new Promise<Worker>((resolveReady, rejectReady) => {
        const w = startWorker(setup);
        started.push(w);
        let isReady = false;
        w.on('message', (m: WorkResult | { ready: true }) => {
          if ('ready' in m) {
            isReady = true;
            resolveReady(w);
          } else {
            pool.load[i]!--;
            pool.onResult(m);
          }
        });
        w.on('error', (err) => (isReady ? pool.onError(err) : rejectReady(err)));
        w.on('exit', (code) => {
          if (code !== 0 && isReady) pool.onError(new Error(`analysis worker ${i} exited with code ${code}`));
        });
      }),
    );
    try {
      pool.workers.push(...(await Promise.all(ready)));
    } catch (err) {
      await Promise.all(started.map((w) => w.terminate()));
      throw err;
    }
    return pool;
  }

  private send(req: WorkRequest): void {
    if (this.inline) {
      // Deferred so results arrive asynchronously, as they do from threads.
      const result = work(this.inline, this.output, req);
      queueMicrotask(() => this.onResult(result));
      return;
    }
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    this.load[best]!++;
    this.workers[best]!.postMessage(req);
  }

  /**
   * Analyses every article of `input` and yields the results in input order. Input is pulled
   * only while the in-flight limits allow, so a huge input never sits in memory; a slow consumer
   * (the store's writer) holds the reading back the same way.
   */
  async *inOrder(input: AsyncIterable<Article>, options: InOrderOptions = {}): AsyncGenerator<OrderedResult> {
    const maxInFlight = options.maxInFlight ?? (this.inline ? 2 : 32 * Math.max(1, this.workers.length));
    const maxChars = options.maxInFlightChars ?? 2 * 1024 * 1024;
    const results = new Map<number, WorkResult>();
    const pending = new Map<number, { origin: string; chars: number }>();
    let sent = 0;
    let next = 0;
    let chars = 0;
    let inputDone = false;
    let stopped = false;
    let failure: Error | null = null;
    let wakeConsumer: (() => void) | null = null;
    let wakeReader: (() => void) | null = null;
    const wake = (which: 'consumer' | 'reader'): void => {
      const w = which === 'consumer' ? wakeConsumer : wakeReader;
      if (which === 'consumer') wakeConsumer = null;
      else wakeReader = null;
      w?.();
    };
    this.onResult = (r) => {
      results.set(r.seq, r);
      wake('consumer');
    };
    this.onError = (err) => {
      failure ??= err;
      wake('consumer');
      wake('reader');
    };

    const iterator = input[Symbol.asyncIterator]();
    const fits = (size: number): boolean => sent === next || (sent - next < maxInFlight && chars + size <= maxChars);
    const reader = (async () => {
      try {
        for (;;) {
          const item = await iterator.next();
          if (item.done || stopped) break;
          const article = item.value;
          const size = article.text.length;
          while (!fits(size) && !failure && !stopped) await new Promise<void>((r) => (wakeReader = r));
          if (failure || stopped) break;
          pending.set(sent, { origin: article.origin ?? article.id, chars: size });
          chars += size;
          this.send({ seq: sent++, article });
        }
      } catch (err) {
        failure ??= err instanceof Error ? err : new Error(String(err));
      } finally {
        inputDone = true;
        wake('consumer');
      }
    })();

    try {
      for (;;) {
        const r = results.get(next);
        if (r) {
          results.delete(next);
          const p = pending.get(next)!;
          pending.delete(next);
          chars -= p.chars;
          next++;
          wake('reader');
          yield { origin: p.origin, result: r };
          continue;
        }
        if (failure) throw failure;
        if (inputDone && next === sent) break;
        await new Promise<void>((r) => (wakeConsumer = r));
      }
    } finally {
      // Not awaited: after an early stop the reader may be waiting on a slow input (stdin).
      stopped = true;
      wake('reader');
      if (!inputDone) void iterator.return?.()?.catch(() => {});
      void reader;
    }
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
