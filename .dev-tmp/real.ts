import { readFileSync } from 'node:fs';
import { Pipeline } from '../src/pipeline.js';
const p = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes', 'events'] });
const arg = process.argv[2]!;
const text = arg.startsWith('/') ? readFileSync(arg, 'utf8').replace(/^ date \S+ /, '') : arg;
const doc = p.run({ id: 'x', date: '2025-04-04', title: null, source: null, url: null, boilerplate: [], text });
if (process.argv[3]) {
  for (const e of doc.entities) console.log('E', e.id, e.name, e.type, e.actor, e.country, e.mentions.map((m) => doc.slice(m) + ':' + m.kind).join(' | '));
  for (const q of doc.quotes) console.log('Q', q.id, q.type, q.speaker?.name, q.date, doc.slice(q).slice(0, 60));
}
for (const e of doc.events) console.log(e.id, e.code, e.plover, e.source.actor, '->', e.target.actor, e.modality, e.date, e.location, e.quote, '|', doc.slice(e).slice(0, 90));
