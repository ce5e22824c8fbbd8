import { Pipeline } from './src/pipeline.js';
const p = await Pipeline.create({ only: ['segment', 'entities'] });
const texts = process.argv.slice(2);
for (const t of texts) {
  const d = p.run({ id: 'x', date: '2025-04-04', title: null, source: null, url: null, text: t, boilerplate: [] });
  console.log('## ' + t);
  for (const e of d.entities) console.log('  ', e.type, JSON.stringify(e.name), e.actor, e.country, e.gender ?? '', e.mentions.map(m => t.slice(m.start, m.end) + '/' + m.kind[0]).join(' '));
}
