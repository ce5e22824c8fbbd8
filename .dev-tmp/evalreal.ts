import { Pipeline } from '../src/pipeline.js';
import { formatScores, readGoldFile, score } from '../src/events/evaluate.js';
const files = process.argv.slice(2);
const p = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes', 'events'] });
const sentences = files.flatMap((f) => readGoldFile(f).sentences);
const s = score(sentences.map((gold) => ({ gold, events: p.run({ id: gold.id, date: gold.date, title: null, source: null, url: null, text: gold.text, boilerplate: [] }).events })));
console.log(formatScores('real', s));
if (process.env.ERR) for (const e of s.errors) console.log('   ', e);
