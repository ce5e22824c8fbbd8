import { Pipeline } from '../src/pipeline.js';
const p = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes'] });
const text = process.argv[2]!;
const doc = p.run({ id: 'x', date: '2025-04-04', title: null, source: null, url: null, boilerplate: [], text });
console.log(doc.tokens.map((x) => `${x.text}/${x.pos}`).join(' '));
for (const m of doc.mentions) console.log('M', m.kind, m.entity, doc.slice(m), doc.entity(m.entity)?.actor);
for (const q of doc.quotes) console.log('Q', q.id, q.type, q.speaker?.name, q.date, doc.slice(q));
console.log(doc.times.map((t) => `${t.text}=${t.value}`).join('; '));
