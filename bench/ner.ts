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
/** One pass over dev: wall seconds and CPU seconds of this (single-threaded) process. */
const pass = (): { wall: number; cpu: number } => {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (const d of docs) tagger.tagSentences(d);
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
};
pass();
const passes = Number(values.passes);
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < passes; i++) {
  const p = pass();
  wall.push(tokens / p.wall);
  cpu.push(tokens / p.cpu);
}
const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]!);
// CPU time is the fairer single-core figure when other processes share the machine.
console.log(`ner: ${tokens} tokens × ${passes} passes; median ${median(wall)} tokens/s wall, ` +
  `${median(cpu)} tokens per CPU second; model load ${loadMs.toFixed(0)} ms`);
