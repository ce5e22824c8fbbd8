import { Pipeline } from '../pipeline.js';
const p = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes', 'events'] });
for (const text of process.argv.slice(2)) {
  const d = p.run({ id: 'x', date: '2025-07-02', title: null, source: null, url: null, text, boilerplate: [] });
  console.log(text);
  console.log(' toks', d.tokens.map((t) => `${t.text}/${t.pos}`).join(' '));
  for (const q of d.quotes) console.log(' quote', q.id, q.speaker?.entity, q.speaker?.name, q.cue?.lemma, JSON.stringify(text.slice(q.start, q.end)));
  for (const e of d.events) console.log(' ev', e.code, e.source.actor, e.target.actor, e.modality, e.quote, e.rule, JSON.stringify(text.slice(e.start, e.end)));
}
