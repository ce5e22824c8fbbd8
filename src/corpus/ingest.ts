import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isSkip, skip, type ReadResult, type Skip } from '../ingest/types.js';
import { Pipeline, type PipelineOptions } from '../pipeline.js';
import type { Article } from '../types.js';
import type { WorkRequest, WorkResult } from './analysis-worker.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import type { Store } from './store.js';

// Streaming, parallel ingest: the input is pulled one article at a time and only while fewer than
// `maxInFlight` articles are between reader and writer (backpressure), analysis runs on worker
// threads, and a single writer commits results in input order, in batches. Input order makes the
// result deterministic (which copy of a syndicated story is the original does not depend on thread
// timing) and lets a re-run after a crash continue exactly where the last commit stopped.

export interface IngestProgress {
  /** Articles taken from the input (skipped records not included). */
  read: number;
  stored: number;
  /** Already in the database (same id): left untouched. */
  exists: number;
  duplicates: number;
  nearDuplicates: number;
  /** Input records that could not be read, and articles whose analysis failed. */
  skipped: number;
  elapsedMs: number;
  /** Articles written (in any status) per second since the start. */
  rate: number;
  /** Estimated share of the input done, when its size is known. */
  fraction: number | null;
}

export interface IngestOptions {
  /** Analysis threads; 0 analyses on the calling thread. Default: one per core. */
  workers?: number;
  /** Articles per write transaction (default 256). */
  batchSize?: number;
  /** Longest time a finished article waits before its batch is committed (default 1000 ms). */
  flushMs?: number;
  pipeline?: PipelineOptions;
  /** Total input size in bytes, for the progress estimate. */
  totalBytes?: number | null;
  onProgress?: (p: IngestProgress) => void;
  /** How often onProgress is called (default 500 ms); it is also called once at the end. */
  progressMs?: number;
  onSkip?: (s: Skip) => void;
}

/** Results come back through this: a pool of worker threads or the calling thread. */
interface Analyser {
  send(req: WorkRequest): void;
  close(): Promise<void>;
}

/** Under tsx (development) this module is a .ts file: so is the worker, which then needs tsx too. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(pipeline: PipelineOptions): Worker {
  const url = new URL(`./analysis-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);
  if (!FROM_SOURCE) return new Worker(url, { workerData: pipeline });
  // Loader flags do not reach worker threads on Node 20: register tsx inside the worker first.
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: pipeline });
}

async function workerPool(
  n: number, pipeline: PipelineOptions, onResult: (r: WorkResult) => void, onError: (e: Error) => void,
): Promise<Analyser> {
  const load: number[] = new Array<number>(n).fill(0);
  const workers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      new Promise<Worker>((resolveReady, rejectReady) => {
        const w = startWorker(pipeline);
        let ready = false;
        w.on('message', (m: WorkResult | { ready: true }) => {
          if ('ready' in m) {
            ready = true;
            resolveReady(w);
            return;
          }
          load[i]!--;
          onResult(m);
        });
        w.on('error', (err) => (ready ? onError(err) : rejectReady(err)));
        w.on('exit', (code) => {
          if (code !== 0 && ready) onError(new Error(`analysis worker ${i} exited with code ${code}`));
        });
      }),
    ),
  );
  return {
    send(req) {
      let best = 0;
      for (let i = 1; i < n; i++) if (load[i]! < load[best]!) best = i;
      load[best]!++;
      workers[best]!.postMessage(req);
    },
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

async function inlineAnalyser(options: PipelineOptions, onResult: (r: WorkResult) => void): Promise<Analyser> {
  const pipeline = await Pipeline.create(options);
  return {
    send(req) {
      try {
        onResult({ seq: req.seq, ok: true, prepared: prepareArticle(pipeline.analyze(req.article)) });
      } catch (err) {
        onResult({ seq: req.seq, ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    },
    close: async () => {},
  };
}

function approxBytes(a: Article): number {
  return a.text.length + (a.title?.length ?? 0) + (a.url?.length ?? 0) + 80;
}

/** Reads, analyses and stores every article of `input`; resolves with the final counts. */
export async function ingest(
  store: Store, input: AsyncIterable<ReadResult>, options: IngestOptions = {},
): Promise<IngestProgress> {
  const workers = options.workers ?? availableParallelism();
  const batchSize = options.batchSize ?? 256;
  const maxInFlight = Math.max(workers, 1) * 32 + batchSize;
  const started = performance.now();
  const p: IngestProgress = {
    read: 0, stored: 0, exists: 0, duplicates: 0, nearDuplicates: 0, skipped: 0, elapsedMs: 0, rate: 0, fraction: null,
  };
  let bytesRead = 0;
  const report = (done = false): void => {
    p.elapsedMs = performance.now() - started;
    const written = p.stored + p.exists + p.duplicates + p.nearDuplicates;
    p.rate = p.elapsedMs > 0 ? (written * 1000) / p.elapsedMs : 0;
    p.fraction = options.totalBytes ? (done ? 1 : Math.min(bytesRead / options.totalBytes, 0.999)) : null;
    options.onProgress?.({ ...p });
  };
  const skipped = (s: Skip): void => {
    p.skipped++;
    options.onSkip?.(s);
  };

  const results = new Map<number, WorkResult>();
  const origins = new Map<number, string>();
  let nextSeq = 0;
  let nextWrite = 0;
  let batch: PreparedArticle[] = [];
  let lastFlush = performance.now();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };

  const flush = (): void => {
    if (!batch.length || failure) return;
    const outcomes = store.write(batch);
    batch = [];
    lastFlush = performance.now();
    for (const o of outcomes) {
      if (o.status === 'stored') p.stored++;
      else if (o.status === 'exists') p.exists++;
      else if (o.status === 'duplicate') p.duplicates++;
      else p.nearDuplicates++;
    }
  };
  const drain = (): void => {
    try {
      for (let r = results.get(nextWrite); r; r = results.get(nextWrite)) {
        results.delete(nextWrite);
        const origin = origins.get(nextWrite) ?? '?';
        origins.delete(nextWrite);
        nextWrite++;
        if (r.ok) batch.push(r.prepared);
        else skipped(skip(origin, 'analysis failed', `analysis failed: ${r.error}`));
        if (batch.length >= batchSize) flush();
      }
    } catch (err) {
      failure ??= err instanceof Error ? err : new Error(String(err));
    }
    wakeUp();
  };
  const onResult = (r: WorkResult): void => {
    results.set(r.seq, r);
    drain();
  };
  const onError = (err: Error): void => {
    failure ??= err;
    wakeUp();
  };

  const analyser = workers > 0
    ? await workerPool(workers, options.pipeline ?? {}, onResult, onError)
    : await inlineAnalyser(options.pipeline ?? {}, onResult);
  const timer = setInterval(() => {
    if (performance.now() - lastFlush >= (options.flushMs ?? 1000)) {
      try {
        flush();
      } catch (err) {
        onError(err instanceof Error ? err : new Error(String(err)));
      }
    }
    report();
  }, options.progressMs ?? 500);

  try {
    for await (const item of input) {
      if (failure) break;
      if (isSkip(item)) {
        skipped(item);
        continue;
      }
      p.read++;
      bytesRead += approxBytes(item);
      // A stored id is not analysed again: re-running an ingest skips straight to what is missing.
      if (store.hasArticle(item.id)) {
        p.exists++;
        continue;
      }
      while (nextSeq - nextWrite >= maxInFlight && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) break;
      origins.set(nextSeq, item.origin ?? item.id);
      analyser.send({ seq: nextSeq++, article: item });
    }
    while (nextWrite < nextSeq && !failure) await new Promise<void>((r) => (wake = r));
    if (!failure) {
      try {
        flush();
      } catch (err) {
        failure = err instanceof Error ? err : new Error(String(err));
      }
    }
  } finally {
    clearInterval(timer);
    await analyser.close();
  }
  if (failure) throw failure;
  report(true);
  return p;
}
