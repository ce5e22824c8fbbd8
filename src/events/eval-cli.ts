/**
 * `npm run eval:events`: scores the event layer, run through the full pipeline, on the
 * PETRARCH2 GSR validation sentences in ../shared (when present) and on our own annotated
 * sentences in test/fixtures/events/*.jsonl. `--errors` lists every disagreement.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Pipeline } from '../pipeline.js';
import { lexiconDir } from '../text/lexicon.js';
import type { PoliticalEvent } from '../types.js';
import { formatScores, readGoldFile, score, type GoldSentence } from './evaluate.js';

const STAGES = ['segment', 'entities', 'time', 'quotes', 'events'];

function runGold(pipeline: Pipeline, sentences: GoldSentence[]): Array<{ gold: GoldSentence; events: PoliticalEvent[] }> {
  return sentences.map((gold) => ({
    gold,
    events: pipeline.run({ id: gold.id, date: gold.date, title: null, source: null, url: null, text: gold.text, boilerplate: [] }).events,
  }));
}

async function main(): Promise<void> {
  const showErrors = process.argv.includes('--errors');
  const repo = dirname(lexiconDir);
  const shared = process.env.PARLEY_SHARED ?? resolve(repo, '..', 'shared');
  const pipeline = await Pipeline.create({ only: STAGES });
  const sets: Array<[string, string[]]> = [];
  const gsr = join(shared, 'data', 'events', 'petrarch2_gsr_validation.jsonl');
  if (existsSync(gsr)) sets.push(['PETRARCH2 GSR validation (dev)', [gsr]]);
  else console.log(`../shared is absent (looked for ${gsr}): the GSR dev set is not scored.`);
  const fixtures = join(repo, 'test', 'fixtures', 'events');
  const own = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(fixtures, f)) : [];
  if (own.length) sets.push(['parley annotated sentences, all (test/fixtures/events)', own]);
  // Each written before the round of tuning that followed it: the nearest thing to unseen text.
  for (const f of own.filter((x) => /heldout/.test(x))) sets.push([`parley held-out sentences (${basename(f)})`, [f]]);
  for (const [name, files] of sets) {
    const sentences: GoldSentence[] = [];
    for (const f of files) {
      const r = readGoldFile(f);
      sentences.push(...r.sentences);
      for (const p of r.problems) console.error(`skipped: ${p}`);
    }
    const s = score(runGold(pipeline, sentences));
    console.log(formatScores(name, s));
    if (showErrors) for (const e of s.errors) console.log('    ' + e);
  }
}

await main();
