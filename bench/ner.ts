// Tagging speed of the entity tagger, one core, after one warm-up pass. Two workloads:
//   CoNLL-2003 dev (default): documents tagged with tagSentences (document context on);
//   --corpus N: N articles of the benchmark corpus (bench/corpus.ts), segmented first (not timed),
//   each tagged with tagDoc as the entities stage does (model labels, types, gazetteer names).
// Run: node dist/bench/ner.js [--dev FILE | --corpus N] [--model FILE] [--passes N]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConll } from '../src/entities/ner/conll.js';
import { loadNerTagger } from '../src/entities/ner/index.js';
import { DEFAULT_DEV, DEFAULT_MODEL } from '../src/entities/ner/paths.js';
import { packageRoot } from '../src/paths.js';
import { Pipeline } from '../src/pipeline.js';
import { generateCorpus, loadExampleArticles } from './corpus.js';

const { values } = parseArgs({
  options: {
    dev: { type: 'string', default: DEFAULT_DEV },
    corpus: { type: 'string' },
    model: { type: 'string', default: DEFAULT_MODEL },
    passes: { type: 'string', default: '5' },
  },
});

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpuMs();
const t0 = performance.now();
const tagger = loadNerTagger(values.model);
const loadMs = performance.now() - t0;
const loadCpuMs = cpuMs() - c0;

/** One unit of work per document, and the tokens it covers. */
let jobs: Array<() => void>;
let tokens: number;
let workload: string;
if (values.corpus !== undefined) {
  const segment = await Pipeline.create({ only: ['segment'] });
  const docs = generateCorpus(await loadExampleArticles(packageRoot), Number(values.corpus)).map((a) => segment.run(a));
  jobs = docs.map((d) => () => tagger.tagDoc(d));
  tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  workload = `tagDoc over ${docs.length} benchmark-corpus articles`;
} else {
  if (!existsSync(values.dev!)) {
    console.error(`bench/ner: ${values.dev} not found (needs ../shared, or use --corpus N); nothing measured`);
    process.exit(1);
  }
  const docs = readConll(values.dev!).map((d) => d.sentences.map((s) => s.words));
  jobs = docs.map((d) => () => tagger.tagSentences(d));
  tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  workload = `tagSentences over ${docs.length} CoNLL dev documents`;
}

/**
 * Fastest time seen for each document (wall clock: reading CPU time per document would cost
 * more than tagging a short one): filters out the moments other processes held the core.
 */
const best = new Float64Array(jobs.length).fill(Infinity);
/** One pass: wall seconds and CPU seconds of this (single-threaded) process. */
const pass = (): { wall: number; cpu: number } => {
  const start = performance.now();
  const cpu0 = cpuMs();
  jobs.forEach((job, i) => {
    const t = performance.now();
    job();
    best[i] = Math.min(best[i]!, performance.now() - t);
  });
  return { wall: (performance.now() - start) / 1000, cpu: (cpuMs() - cpu0) / 1000 };
};
pass();
best.fill(Infinity);
const passes = Number(values.passes);
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < passes; i++) {
  const p = pass();
  wall.push(tokens / p.wall);
  cpu.push(tokens / p.cpu);
}
const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]!);
const bestRate = Math.round(tokens / (best.reduce((a, b) => a + b, 0) / 1000));
// On a shared machine the wall figure undercounts; CPU time and the per-document best are
// the fairer single-core figures.
console.log(`ner: ${workload}, ${tokens} tokens × ${passes} passes; median ${median(wall)} tokens/s wall, ` +
  `${median(cpu)} per CPU second, ${bestRate} from each document's best pass; ` +
  `model and gazetteer load ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU`);
