// Speed of the entities stage: `node dist/src/entities/bench-cli.js [inputs…]` (default: examples/).
// Prints the CPU time per article of name tagging and of resolution (clustering, roles, actor codes,
// descriptions and pronouns) separately, over the given articles repeated for ~1 s each after a 1 s warm-up;
// CPU time of the mean round and of the best one.
import { resolve } from 'node:path';
import { readInputs } from '../ingest/index.js';
import { Pipeline } from '../pipeline.js';
import type { Doc } from '../doc.js';
import { loadActorLexicon } from './lexicon.js';
import { loadNerTagger } from './ner/index.js';
import { resolveEntities } from './resolve.js';
import { ACTORS_DIR } from './lexicon.js';

const inputs = process.argv.slice(2);
const paths = inputs.length > 0 ? inputs : [resolve(ACTORS_DIR, '..', '..', 'examples')];
const segment = await Pipeline.create({ only: ['segment'] });
const docs: Doc[] = [];
for await (const item of readInputs(paths, {})) if ('text' in item) docs.push(segment.run(item));
if (docs.length === 0) throw new Error(`no articles in ${paths.join(', ')}`);
const chars = docs.reduce((n, d) => n + d.text.length, 0);

let t0 = performance.now();
const lexicon = loadActorLexicon();
const tagger = loadNerTagger();
const loadMs = performance.now() - t0;

const names = docs.map((d) => tagger.tagDoc(d));
// Warm up (the JIT compiles the hot paths) before timing.
for (const until = performance.now() + 1000; performance.now() < until; ) {
  docs.forEach((d, i) => {
    tagger.tagDoc(d);
    resolveEntities(d, names[i]!, lexicon);
  });
}
// CPU time of this thread, not wall time: the figure should not depend on what else the machine runs.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let rounds = 0;
let tagMs = 0;
let resolveMs = 0;
// The best round too: on a shared machine the mean counts the moments other processes held the core.
let tagBest = Infinity;
let resolveBest = Infinity;
// Each step timed in its own loop, so one's garbage is not collected on the other's clock.
while (tagMs < 1000) {
  t0 = cpuMs();
  for (const d of docs) tagger.tagDoc(d);
  const ms = cpuMs() - t0;
  tagMs += ms;
  tagBest = Math.min(tagBest, ms);
  rounds++;
}
const tagRounds = rounds;
rounds = 0;
while (resolveMs < 1000) {
  t0 = cpuMs();
  docs.forEach((d, i) => resolveEntities(d, names[i]!, lexicon));
  const ms = cpuMs() - t0;
  resolveMs += ms;
  resolveBest = Math.min(resolveBest, ms);
  rounds++;
}
const rate = (ms: number, n: number): string => `${((chars * n) / 1e6 / (ms / 1000)).toFixed(2)} MB/s`;
const report = (label: string, ms: number, n: number, best: number): void => {
  console.log(`${label} ${(ms / n / docs.length).toFixed(2)} ms/article  ${rate(ms, n)} mean, ${rate(best, 1)} best round  (${n} rounds)`);
};
console.log(`articles ${docs.length} (${(chars / 1000).toFixed(1)} k chars); lexicon + model load ${loadMs.toFixed(0)} ms`);
report('tagging   ', tagMs, tagRounds, tagBest);
report('resolution', resolveMs, rounds, resolveBest);
const both = tagMs / tagRounds + resolveMs / rounds;
console.log(`entities   ${rate(both, 1)} mean, ${rate(tagBest + resolveBest, 1)} best round`);
