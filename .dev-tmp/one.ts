import { runText } from './devdoc.js';
for (const t of process.argv.slice(2)) {
  const doc = runText(t);
  console.log(doc.tokens.map((x) => `${x.text}/${x.pos}/${x.lemma}`).join(' '));
  for (const e of doc.events) console.log('  ', e.code, e.source.actor, '->', e.target.actor, e.modality, e.rule);
}
