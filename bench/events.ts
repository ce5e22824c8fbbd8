// Throughput of the events stage alone: Docs are segmented, tagged for entities, times and
// quotes first (not timed), then the events stage codes them repeatedly.
// Run: npx tsx bench/events.ts [articles]   (or node dist/bench/events.js after a build)
import { eventsStage } from '../src/events/stage.js';
import { Pipeline } from '../src/pipeline.js';
import type { Doc } from '../src/doc.js';
import { generateCorpus } from './corpus-gen.js';

const articles = Number(process.argv[2] ?? 300);
const pre = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes'] });
const docs: Doc[] = [];
for (const { record } of generateCorpus(articles, { seed: 11 })) {
  docs.push(pre.run({ ...record, boilerplate: [] }));
}
const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
const chars = docs.reduce((n, d) => n + d.text.length, 0);

const t0 = performance.now();
const stage = eventsStage();
const loadMs = performance.now() - t0;

// Warm up, then time whole passes over the corpus for at least two CPU seconds (on a busy
// machine two wall seconds are too few passes to get past the compiler's warm-up).
for (let w = 0; w < 3; w++) for (const d of docs) stage.run(d);
let passes = 0;
let events = 0;
const start = performance.now();
const cpu0 = process.cpuUsage();
const cpuSince = (): number => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1e6;
};
while (cpuSince() < 2 || passes < 3) {
  for (const d of docs) {
    stage.run(d);
    events += d.events.length;
  }
  passes++;
}
const seconds = (performance.now() - start) / 1000;
// CPU time of this process (one thread) as well as wall time: on a busy machine wall time undercounts.
const cpuSeconds = cpuSince();
const perSecond = (sentences * passes) / cpuSeconds;
console.log(`events stage: ${articles} articles, ${sentences} sentences, ${(chars / 1e6).toFixed(2)} MB; lexicons loaded in ${loadMs.toFixed(0)} ms`);
console.log(`  ${passes} passes: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU; ${(events / passes / sentences).toFixed(2)} events per sentence`);
console.log(`  ${Math.round(perSecond).toLocaleString('en-US')} sentences per CPU second (${Math.round((sentences * passes) / seconds).toLocaleString('en-US')} per wall second), ${((chars * passes) / cpuSeconds / 1e6).toFixed(1)} MB per CPU second`);
console.log(`  goal ≥ 20,000 sentences/s on one core: ${perSecond >= 20000 ? 'met' : 'NOT met'}`);
