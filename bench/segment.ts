// Throughput of the segment stage (paragraphs, sentences, tokens, POS) and the time stage on a large generated text.
// Run: npx tsx bench/segment.ts [megabytes]   (or node dist/bench/segment.js after a build)
import { Doc } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import type { Article } from '../src/types.js';

const SENTENCES = [
  'Foreign ministers of the two countries met in Geneva on Tuesday to discuss a ceasefire, officials said.',
  '"We have made progress. Much remains to be done," Deputy Foreign Minister Lena Okafor told reporters at 4 p.m.',
  'The U.S. State Department said Washington would send Gen. Paul R. Hart to the talks next week.',
  '“There is no alternative to dialogue,” the envoy said, adding that sanctions were “counterproductive.”',
  'Trade between the countries fell 3.5% last year, according to the U.N. trade agency.',
  'The ministry’s spokesman didn’t comment on reports of Russian-American contacts in Istanbul.',
  '(Turkish) President (Recep) Erdogan offered to host a new round... The offer stands, Ankara said.',
  'Analysts at Meridian Corp. expect a deal by Jan. 15, though talks could still collapse.',
];

function generate(chars: number): string {
  const parts: string[] = [];
  let size = 0;
  let seed = 7;
  while (size < chars) {
    const n = 1 + (seed % 4);
    const para: string[] = [];
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      para.push(SENTENCES[seed % SENTENCES.length]!);
    }
    const p = para.join(' ');
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

const megabytes = Number(process.argv[2] ?? 5);
const text = generate(megabytes * 1_000_000);
const article: Article = { id: 'bench', date: '2025-04-04', title: null, source: null, url: null, text, boilerplate: [] };
const pipeline = await Pipeline.create({ only: ['segment', 'time'] });
pipeline.run({ ...article, text: generate(200_000) });
// Each stage is timed by wall clock and by this process's CPU time (steadier on a busy machine).
const doc = new Doc(article);
for (const stage of pipeline.stages) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  stage.run(doc);
  const wall = (performance.now() - t0) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const rate = (s: number) => `${Math.round(text.length / s / 1000)}k chars/s, ${Math.round(doc.tokens.length / s / 1000)}k tokens/s`;
  console.log(`${stage.name}: ${(text.length / 1e6).toFixed(1)}M chars, ${doc.tokens.length} tokens, ${doc.sentences.length} sentences, ` +
    `${doc.times.length} time expressions; wall ${wall.toFixed(2)} s (${rate(wall)}); cpu ${cpu.toFixed(2)} s (${rate(cpu)})`);
}
