import { parseArgs } from 'node:util';
import { readConll } from './conll.js';
import { loadNerTagger } from './index.js';
import { DEFAULT_DEV, DEFAULT_MODEL } from './paths.js';
import { Scorer } from './scoring.js';

const HELP = `usage: eval-cli [--dev FILE] [--model models/ner.bin]
Prints per-type and overall exact-match P/R/F1 (conlleval) and tagging speed in tokens/s.`;

function main(): void {
  const { values } = parseArgs({
    options: {
      dev: { type: 'string', default: DEFAULT_DEV },
      model: { type: 'string', default: DEFAULT_MODEL },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const t0 = performance.now();
  const tagger = loadNerTagger(values.model);
  const loadMs = performance.now() - t0;
  const docs = readConll(values.dev!);
  const scorer = new Scorer();
  let tokens = 0;
  const t1 = performance.now();
  for (const d of docs) {
    const pred = tagger.tagSentences(d.sentences.map((s) => s.words));
    d.sentences.forEach((s, i) => {
      scorer.add(s.labels, pred[i]!);
      tokens += s.words.length;
    });
  }
  const coldSeconds = (performance.now() - t1) / 1000;
  // A second pass with warm caches and compiled code is what a long-running process sees.
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const d of docs) tagger.tagSentences(d.sentences.map((s) => s.words));
  const cpu = process.cpuUsage(cpu0);
  const warmSeconds = (performance.now() - t2) / 1000;
  console.log(`${values.dev}: ${docs.length} documents, ${tokens} tokens`);
  console.log(scorer.format());
  console.log(`tagging: ${Math.round(tokens / warmSeconds)} tokens/s warm (${Math.round(tokens / ((cpu.user + cpu.system) / 1e6))} per CPU second), ` +
    `${Math.round(tokens / coldSeconds)} tokens/s first pass; model load ${loadMs.toFixed(0)} ms`);
}

try {
  main();
} catch (e) {
  console.error(`eval-cli: ${(e as Error).message}`);
  process.exitCode = 1;
}
