// Tagging speed of the entity tagger on CoNLL-2003 dev, one core: documents tagged with
// tagSentences (document context on), after one warm-up pass. Run: node dist/bench/ner.js [--dev FILE] [--model FILE] [--passes N]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConll } from '../src/entities/ner/conll.js';
import { loadNerTagger } from '../src/entities/ner/index.js';
import { DEFAULT_DEV, DEFAULT_MODEL } from '../src/entities/ner/paths.js';

const { values } = parseArgs({
  options: { dev: { type: 'string', default: DEFAULT_DEV }, model: { type: 'string', default: DEFAULT_MODEL }, passes: { type: 'string', default: '5' } },
});
const devPath = values.dev!;
if (!existsSync(devPath)) {
  console.error(`bench/ner: ${devPath} not found (needs ../shared); nothing measured`);
  process.exit(1);
}
const t0 = performance.now();
const tagger = loadNerTagger(values.model);
const loadMs = performance.now() - t0;
const docs = readConll(devPath).map((d) => d.sentences.map((s) => s.words));
const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
/** Fastest time seen for each document: filters out the moments other processes held the core. */
const best = new Float64Array(docs.length).fill(Infinity);
/** One pass over dev: wall seconds and CPU seconds of this (single-threaded) process. */
const pass = (): { wall: number; cpu: number } => {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  docs.forEach((d, i) => {
    const t = performance.now();
    tagger.tagSentences(d);
    best[i] = Math.min(best[i]!, performance.now() - t);
  });
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
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
console.log(`ner: ${tokens} tokens × ${passes} passes; median ${median(wall)} tokens/s wall, ` +
  `${median(cpu)} per CPU second, ${bestRate} from each document's best pass; model load ${loadMs.toFixed(0)} ms`);
