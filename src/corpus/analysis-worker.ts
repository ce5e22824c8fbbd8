// A worker thread of `parley ingest`: builds the pipeline once, then analyses the articles the
// main thread sends and returns them prepared for the store (fingerprints, compressed analysis).
import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline, type PipelineOptions } from '../pipeline.js';
import type { Article } from '../types.js';
import { prepareArticle } from './prepare.js';

export interface WorkRequest {
  seq: number;
  article: Article;
}

export type WorkResult =
  | { seq: number; ok: true; prepared: ReturnType<typeof prepareArticle> }
  | { seq: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('analysis-worker must run in a worker thread');
const pipeline = await Pipeline.create((workerData ?? {}) as PipelineOptions);
port.on('message', (req: WorkRequest) => {
  let result: WorkResult;
  try {
    result = { seq: req.seq, ok: true, prepared: prepareArticle(pipeline.analyze(req.article)) };
  } catch (err) {
    result = { seq: req.seq, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(result);
});
port.postMessage({ ready: true });
