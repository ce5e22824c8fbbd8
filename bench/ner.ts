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
const pass = (): number => {
  const start = performance.now();
  for (const d of docs) tagger.tagSentences(d);
  return (performance.now() - start) / 1000;
};
pass();
const passes = Number(values.passes);
const rates: number[] = [];
for (let i = 0; i < passes; i++) rates.push(tokens / pass());
rates.sort((a, b) => a - b);
console.log(`ner: ${tokens} tokens × ${passes} passes; median ${Math.round(rates[rates.length >> 1]!)} tokens/s ` +
  `(min ${Math.round(rates[0]!)}, max ${Math.round(rates[rates.length - 1]!)}); model load ${loadMs.toFixed(0)} ms`);
