// A worker thread of `parley ingest` and `parley analyze`: builds the pipeline once, then
// analyses the articles the main thread sends and returns each in the form the command wants
// (prepared for the store, or a JSONL row), so the main thread only writes.
import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline } from '../pipeline.js';
import { work, type WorkerSetup, type WorkRequest } from './analysis-pool.js';

const port = parentPort;
if (!port) throw new Error('analysis-worker must run in a worker thread');
const setup = workerData as WorkerSetup;
if (setup.nerModel) (await import('../entities/ner/index.js')).useNerModel(setup.nerModel);
const pipeline = await Pipeline.create(setup.pipeline);
port.on('message', (req: WorkRequest) => port.postMessage(work(pipeline, setup.output, req)));
port.postMessage({ ready: true });
