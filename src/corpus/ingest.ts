import { availableParallelism } from 'node:os';
import { isSkip, skip, type ReadResult, type Skip } from '../ingest/types.js';
import type { PipelineOptions } from '../pipeline.js';
import type { Article } from '../types.js';
import { AnalysisPool } from './analysis-pool.js';
import type { PreparedArticle } from './prepare.js';
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
  /** Of which: starting the analysis threads (each loads the pipeline), 0 until they are ready. */
  startupMs: number;
  /** Articles written (in any status) per second since the start. */
  rate: number;
  /** Estimated share of the input done, when its size is known. */
  fraction: number | null;
}

export interface IngestOptions {
  /** Analysis threads; 0 analyses on the calling thread. Default: one per core but the writer's, at least one. */
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

function approxBytes(a: Article): number {
  return a.text.length + (a.title?.length ?? 0) + (a.url?.length ?? 0) + 80;
}

/** Reads, analyses and stores every article of `input`; resolves with the final counts. */
export async function ingest(
  store: Store, input: AsyncIterable<ReadResult>, options: IngestOptions = {},
): Promise<IngestProgress> {
  // The calling thread is busy too (reading, and writing: SQLite takes about a quarter of the CPU
  // on short articles), so on 2 cores a second analysis thread costs more than it brings.
  const workers = options.workers ?? Math.max(1, availableParallelism() - 1);
  const batchSize = options.batchSize ?? 256;
  const maxInFlight = workers > 0 ? workers * 32 + batchSize : undefined;
  const started = performance.now();
  const p: IngestProgress = {
    read: 0, stored: 0, exists: 0, duplicates: 0, nearDuplicates: 0, skipped: 0, elapsedMs: 0, startupMs: 0, rate: 0, fraction: null,
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

  let batch: PreparedArticle[] = [];
  let lastFlush = performance.now();
  let failure: Error | null = null;
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
  async function* toAnalyse(): AsyncGenerator<Article> {
    for await (const item of input) {
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
      yield item;
    }
  }

  const pool = await AnalysisPool.start(workers, { pipeline: options.pipeline ?? {}, output: 'prepared' });
  p.startupMs = performance.now() - started;
  const timer = setInterval(() => {
    if (performance.now() - lastFlush >= (options.flushMs ?? 1000)) {
      try {
        flush();
      } catch (err) {
        failure ??= err instanceof Error ? err : new Error(String(err));
      }
    }
    report();
  }, options.progressMs ?? 500);

  try {
    for await (const { origin, result } of pool.inOrder(toAnalyse(), { maxInFlight })) {
      if (failure) break;
      if (result.ok) batch.push(result.value as PreparedArticle);
      else skipped(skip(origin, 'analysis failed', `analysis failed: ${result.error}`));
      if (batch.length >= batchSize) flush();
    }
    flush();
  } catch (err) {
    failure ??= err instanceof Error ? err : new Error(String(err));
  } finally {
    clearInterval(timer);
    await pool.close();
  }
  if (failure) throw failure;
  report(true);
  return p;
}
