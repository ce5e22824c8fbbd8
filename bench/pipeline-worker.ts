// One benchmark worker: builds the pipeline once, analyses its share of the corpus,
// and reports per-stage milliseconds and token counts.
import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline } from '../src/pipeline.js';
import type { Article } from '../src/types.js';

const { articles } = workerData as { articles: Article[] };
const pipeline = await Pipeline.create();
const t0 = performance.now();
let tokens = 0;
let quotes = 0;
let events = 0;
for (const article of articles) {
  const doc = pipeline.run(article);
  tokens += doc.tokens.length;
  quotes += doc.quotes.length;
  events += doc.events.length;
}
parentPort!.postMessage({
  ms: performance.now() - t0,
  tokens,
  quotes,
  events,
  stages: Object.fromEntries(pipeline.timings),
});
